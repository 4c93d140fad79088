namespace Reclamations.Engine.Api;

/// <summary>The history event types callers read (<see cref="HistoryEventInfo"/>.EventType), named once.</summary>
public static class HistoryEventTypes
{
    /// <summary>A flow node was completed (the token left it).</summary>
    public const string ActivityCompleted = nameof(ActivityCompleted);
}
