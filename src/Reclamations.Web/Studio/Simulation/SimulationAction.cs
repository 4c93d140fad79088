namespace Reclamations.Web.Studio.Simulation;

/// <summary>One thing done in a sandbox, kept so that a side-by-side run replays it on another version: a task completed
/// (its step and the values given) or a move of the clock.</summary>
public sealed record SimulationAction(DateTimeOffset At, string? TaskKey, IReadOnlyDictionary<string, object?>? Values, ClockMove? Move)
{
    public string Text => Move is { } move ? $"Horloge : {SimulationClockMoves.Label(move)}" : $"Tâche terminée : {TaskKey}";
}

/// <summary>What a simulation runs: a deployed version (key and version) or a draft's XML.</summary>
public sealed record SimulationSource(string Label, string Xml, string? DefinitionKey = null, int? Version = null);
