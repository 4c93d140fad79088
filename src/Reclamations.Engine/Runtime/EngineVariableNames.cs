namespace Reclamations.Engine.Runtime;

/// <summary>Names the engine writes itself (multi-instance counters): never written from outside.</summary>
internal static class EngineVariableNames
{
    private static readonly HashSet<string> Internal =
        new(["nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter"], StringComparer.Ordinal);

    public static bool IsInternal(string name) => Internal.Contains(name);
}
