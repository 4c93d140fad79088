namespace Reclamations.Engine.Model;

public abstract class EventNode : FlowNode
{
    /// <summary>The event's single definition; null for a none event.</summary>
    public EventDefinition? EventDefinition { get; init; }
}

public sealed class StartEvent : EventNode
{
    public override string ElementType => "startEvent";

    /// <summary>For event subprocess starts: whether the start cancels the enclosing scope.</summary>
    public bool IsInterrupting { get; init; } = true;

    /// <summary><c>camunda:formData</c> of the start form, validated when the process is started.</summary>
    public List<FormField> FormFields { get; } = [];
}

public sealed class EndEvent : EventNode
{
    public override string ElementType => "endEvent";
}

public sealed class IntermediateCatchEvent : EventNode
{
    public override string ElementType => "intermediateCatchEvent";
}

public sealed class IntermediateThrowEvent : EventNode
{
    public override string ElementType => "intermediateThrowEvent";
}

public sealed class BoundaryEvent : EventNode
{
    public override string ElementType => "boundaryEvent";
    public required Activity AttachedTo { get; init; }
    public bool CancelActivity { get; init; } = true;
}
