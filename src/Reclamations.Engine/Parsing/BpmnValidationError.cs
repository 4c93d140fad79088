namespace Reclamations.Engine.Parsing;

/// <summary>One problem found in a BPMN file, naming the element it is about (null for file-level problems).</summary>
public sealed record BpmnValidationError(string? ElementId, string Message)
{
    public override string ToString() => ElementId is null ? Message : $"{ElementId}: {Message}";
}
