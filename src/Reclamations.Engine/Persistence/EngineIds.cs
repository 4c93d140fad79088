namespace Reclamations.Engine.Persistence;

/// <summary>Ids of engine rows: time-ordered UUIDs (version 7, from the machine clock, not the engine's
/// <see cref="TimeProvider"/>, whose test fakes stand still). New rows then land at the right edge of every index keyed
/// by an id (primary keys, process-instance ids), so a commit touches one leaf page per index instead of random ones.</summary>
internal static class EngineIds
{
    public static Guid New() => Guid.CreateVersion7();
}
