namespace Reclamations.Engine.Model;

public abstract class Gateway : FlowNode
{
    /// <summary><c>bpmn:default</c> flow (exclusive and inclusive gateways).</summary>
    public SequenceFlow? DefaultFlow { get; internal set; }
}

public sealed class ExclusiveGateway : Gateway
{
    public override string ElementType => "exclusiveGateway";
}

public sealed class ParallelGateway : Gateway
{
    public override string ElementType => "parallelGateway";
}

public sealed class InclusiveGateway : Gateway
{
    public override string ElementType => "inclusiveGateway";
}

public sealed class EventBasedGateway : Gateway
{
    public override string ElementType => "eventBasedGateway";
}
