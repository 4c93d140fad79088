namespace Reclamations.Domain.Letters;

/// <summary>
/// A letter could not be rendered: typically a value the template needs is missing from the model
/// (a letter is never sent with a blank where a value should be).
/// </summary>
public sealed class LetterRenderException : Exception
{
    public LetterRenderException(string templateName, string? variableName, int line, int column, string reason, Exception? inner = null)
        : base(BuildMessage(templateName, variableName, line, column, reason), inner)
    {
        TemplateName = templateName;
        VariableName = variableName;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Why, without the template's position (e.g. the text of a template's <c>fail</c>).</summary>
    public string Reason { get; }

    public string TemplateName { get; }

    /// <summary>The variable (dotted path, e.g. <c>complainant.name</c>) that has no value, when known.</summary>
    public string? VariableName { get; }

    public int Line { get; }

    public int Column { get; }

    private static string BuildMessage(string templateName, string? variableName, int line, int column, string reason)
    {
        var what = variableName is null ? reason : $"missing value for '{variableName}' ({reason})";
        return $"Letter '{templateName}' cannot be rendered at line {line}, column {column}: {what}";
    }
}
