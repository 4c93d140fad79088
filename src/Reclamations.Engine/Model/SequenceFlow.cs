namespace Reclamations.Engine.Model;

public sealed class SequenceFlow
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required FlowNode Source { get; init; }
    public required FlowNode Target { get; init; }

    /// <summary>A <c>${ ... }</c> expression; null when the flow is unconditional.</summary>
    public string? Condition { get; init; }

    public List<ListenerDefinition> TakeListeners { get; } = [];
}
