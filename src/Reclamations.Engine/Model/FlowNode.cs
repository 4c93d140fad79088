namespace Reclamations.Engine.Model;

/// <summary>A node of a process graph: an event, an activity or a gateway.</summary>
public abstract class FlowNode
{
    public required string Id { get; init; }
    public string? Name { get; init; }

    /// <summary>The process or (event) subprocess that directly contains this node.</summary>
    public ScopeModel Scope { get; internal set; } = null!;

    public List<SequenceFlow> Incoming { get; } = [];
    public List<SequenceFlow> Outgoing { get; } = [];

    /// <summary><c>camunda:asyncBefore</c>: the node is entered later by a job in its own transaction.</summary>
    public bool AsyncBefore { get; init; }

    /// <summary><c>camunda:asyncAfter</c>: the node is left later by a job in its own transaction.</summary>
    public bool AsyncAfter { get; init; }

    /// <summary><c>camunda:failedJobRetryTimeCycle</c>, e.g. <c>R5/PT5M</c>.</summary>
    public string? FailedJobRetryTimeCycle { get; init; }

    public List<ListenerDefinition> ExecutionListeners { get; } = [];

    /// <summary>Human-readable label for errors and history: the name, else the id.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name!;

    public abstract string ElementType { get; }

    public override string ToString() => $"{ElementType} '{Id}'";
}
