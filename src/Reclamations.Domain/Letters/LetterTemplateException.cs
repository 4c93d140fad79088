namespace Reclamations.Domain.Letters;

/// <summary>A letter template that cannot be used (syntax error, missing file).</summary>
public sealed class LetterTemplateException : Exception
{
    public LetterTemplateException(string fileName, int line, int column, string reason)
        : base($"Letter template '{fileName}' is invalid at line {line}, column {column}: {reason}")
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Reason = reason;
    }

    public LetterTemplateException(string message) : base(message)
    {
        FileName = string.Empty;
        Reason = message;
    }

    public string FileName { get; }

    /// <summary>1-based line of the first error (0 when not tied to a position).</summary>
    public int Line { get; }

    /// <summary>1-based column of the first error (0 when not tied to a position).</summary>
    public int Column { get; }

    public string Reason { get; }
}
