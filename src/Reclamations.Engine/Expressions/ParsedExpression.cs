using Scriban;

namespace Reclamations.Engine.Expressions;

/// <summary>The cached outcome of parsing one expression: a template and the global names it reads, or a parse error.</summary>
internal sealed class ParsedExpression
{
    private ParsedExpression(Template? template, ExpressionBody body, IReadOnlyList<string> globalNames, IReadOnlySet<string> calledNames, string? error)
    {
        Template = template;
        Body = body;
        GlobalNames = globalNames;
        CalledNames = calledNames;
        Error = error;
    }

    public Template? Template { get; }

    public ExpressionBody Body { get; }

    /// <summary>Distinct global names read by the expression (variables, host functions or built-ins), in order of appearance.</summary>
    public IReadOnlyList<string> GlobalNames { get; }

    /// <summary>Global names used as the target of a function call.</summary>
    public IReadOnlySet<string> CalledNames { get; }

    public string? Error { get; }

    public static ParsedExpression Success(Template template, ExpressionBody body, IReadOnlyList<string> globalNames, IReadOnlySet<string> calledNames) =>
        new(template, body, globalNames, calledNames, null);

    public static ParsedExpression Failure(string error) =>
        new(null, default, [], new HashSet<string>(), error);
}
