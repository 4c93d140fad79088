namespace Reclamations.Engine.Parsing;

/// <summary>A BPMN file was refused; <see cref="Errors"/> lists every problem found.</summary>
public sealed class BpmnValidationException(IReadOnlyList<BpmnValidationError> errors)
    : Exception("Invalid BPMN: " + string.Join("; ", errors))
{
    public IReadOnlyList<BpmnValidationError> Errors { get; } = errors;
}
