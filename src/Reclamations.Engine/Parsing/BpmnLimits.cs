namespace Reclamations.Engine.Parsing;

/// <summary>How large a BPMN document may be: refused beyond them with a <see cref="BpmnValidationException"/> naming the
/// limit, before the document is built (no stack overflow, no XML bomb: DTDs are prohibited as well).</summary>
/// <param name="MaxDocumentBytes">Size of the document in UTF-8 bytes.</param>
/// <param name="MaxNestingDepth">Depth of element nesting (the root element is depth 1).</param>
/// <param name="MaxElements">Number of elements, BPMN and diagram ones alike.</param>
public sealed record BpmnLimits(int MaxDocumentBytes, int MaxNestingDepth, int MaxElements)
{
    /// <summary>The deepest nesting any configuration may allow: the parser recurses once per nested subprocess.</summary>
    public const int NestingDepthCeiling = 200;

    /// <summary>5 MB, 50 levels, 10,000 elements.</summary>
    public static BpmnLimits Default { get; } = new(5 * 1024 * 1024, 50, 10_000);

    /// <summary>For definitions already deployed (they passed the limits in force then, which may have been higher).</summary>
    internal static BpmnLimits Stored { get; } = new(int.MaxValue, NestingDepthCeiling, int.MaxValue);
}
