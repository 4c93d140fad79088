namespace Reclamations.Domain.Templates;

/// <summary>One reason an edited template is refused, in French: where (1-based line and column, 0 when not tied to a place),
/// the variable at fault when there is one, or the mandatory mention missing.</summary>
public sealed record TemplateProblem(string Kind, int Line, int Column, string Message, string? Variable = null, string? Mention = null)
{
    public const string Syntax = "syntax";
    public const string UnknownVariable = "unknownVariable";
    public const string MissingMention = "missingMention";
    public const string Render = "render";
    public const string Input = "input";
}
