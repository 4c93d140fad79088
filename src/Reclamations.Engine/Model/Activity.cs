namespace Reclamations.Engine.Model;

public abstract class Activity : FlowNode
{
    public List<BoundaryEvent> BoundaryEvents { get; } = [];

    /// <summary><c>bpmn:multiInstanceLoopCharacteristics</c>, when present.</summary>
    public MultiInstanceDefinition? MultiInstance { get; init; }

    /// <summary><c>bpmn:default</c>: the flow taken when no conditional outgoing flow matches.</summary>
    public SequenceFlow? DefaultFlow { get; internal set; }

    /// <summary><c>camunda:inputOutput</c> input parameters.</summary>
    public List<IoParameter> Inputs { get; } = [];

    /// <summary><c>camunda:inputOutput</c> output parameters.</summary>
    public List<IoParameter> Outputs { get; } = [];
}
