namespace Reclamations.Engine.Model;

/// <summary>Something that contains flow nodes: a process or a subprocess.</summary>
public abstract class ScopeModel : Activity
{
    public List<FlowNode> FlowNodes { get; } = [];
    public List<SequenceFlow> SequenceFlows { get; } = [];

    /// <summary>Start events of the scope's normal flow (not those of event subprocesses).</summary>
    public IEnumerable<StartEvent> StartEvents => FlowNodes.OfType<StartEvent>();

    /// <summary>Event subprocesses directly inside this scope.</summary>
    public IEnumerable<SubProcess> EventSubProcesses => FlowNodes.OfType<SubProcess>().Where(s => s.TriggeredByEvent);

    /// <summary>The none start event the scope begins at when entered.</summary>
    public StartEvent? NoneStartEvent => StartEvents.FirstOrDefault(s => s.EventDefinition is null);
}
