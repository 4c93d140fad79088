using Scriban.Parsing;

namespace Reclamations.Engine.Expressions;

/// <summary>The inside of <c>${ ... }</c> and where it starts in the full text (zero-based), to report positions in the full text.</summary>
internal readonly record struct ExpressionBody(string Source, int Line, int Column)
{
    /// <summary>Finds the body when the trimmed <paramref name="text"/> is exactly one <c>${ ... }</c>.</summary>
    public static bool TryFind(string? text, out ExpressionBody body)
    {
        body = default;
        if (text is null)
        {
            return false;
        }

        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = text.Length - 1;
        while (end >= start && char.IsWhiteSpace(text[end]))
        {
            end--;
        }

        if (end - start < 2 || text[start] != '$' || text[start + 1] != '{' || text[end] != '}' || !ClosesAtEnd(text, start + 2, end))
        {
            return false;
        }

        var bodyStart = start + 2;
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < bodyStart; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        body = new ExpressionBody(text[bodyStart..end], line, bodyStart - lineStart);
        return true;
    }

    /// <summary>"at line 1, column 5" in the full text (Scriban spans are zero-based and relative to the body).</summary>
    public string Describe(SourceSpan span)
    {
        var position = span.Start;
        var line = position.Line;
        var column = position.Column;
        var atEnd = line < 0 || column < 0;
        if (atEnd)
        {
            // Scriban reports errors at the end of input without a position: point just after the body.
            var lastBreak = Source.TrimEnd().LastIndexOf('\n');
            line = Source.TrimEnd().Count(c => c == '\n');
            column = Source.TrimEnd().Length - (lastBreak + 1);
        }

        column = line == 0 ? column + Column : column;
        return $"at line {line + Line + 1}, column {column + 1}{(atEnd ? " (end of expression)" : string.Empty)}";
    }

    /// <summary>True when the brace opened just before <paramref name="from"/> is closed by the one at <paramref name="end"/>.</summary>
    private static bool ClosesAtEnd(string text, int from, int end)
    {
        var depth = 1;
        var quote = '\0';
        for (var i = from; i < end; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote != '`')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'' or '`':
                    quote = c;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    if (depth == 0)
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }
}
