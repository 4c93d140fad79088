namespace Reclamations.Engine.Model;

/// <summary>A parsed, validated executable <c>bpmn:process</c>.</summary>
public sealed class ProcessModel : ScopeModel
{
    public override string ElementType => "process";

    /// <summary>Every flow node of the process by id, nested subprocess content included.</summary>
    public Dictionary<string, FlowNode> NodesById { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SequenceFlow> FlowsById { get; } = new(StringComparer.Ordinal);

    /// <summary>Camunda's <c>camunda:versionTag</c>, informational.</summary>
    public string? VersionTag { get; init; }

    /// <summary><c>camunda:candidateStarterGroups</c>: who may start the process (with
    /// <see cref="CandidateStarterUsers"/>); when both are empty, the configured starter groups may.</summary>
    public IReadOnlyList<string> CandidateStarterGroups { get; init; } = [];

    /// <summary><c>camunda:candidateStarterUsers</c>.</summary>
    public IReadOnlyList<string> CandidateStarterUsers { get; init; } = [];

    /// <summary><c>camunda:historyTimeToLive</c>: how long the history of an ended instance is kept (null: the configured default).</summary>
    public TimeSpan? HistoryTimeToLive { get; init; }

    /// <summary>The <c>readerGroups</c> property (<c>camunda:properties</c> of the process): when not empty, an instance
    /// of this definition, and every instance it calls, is readable only by members of these groups (and the engine).</summary>
    public IReadOnlyList<string> ReaderGroups { get; init; } = [];

    public FlowNode Node(string id) =>
        NodesById.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"Process '{Id}' has no element '{id}'.");
}
