using System.Globalization;
using System.Net;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Reclamations.Domain.Letters;

/// <summary>
/// Scriban context for letters: strict variables and members, every written value HTML-escaped
/// and formatted the French way, and a missing value refused instead of left blank.
/// </summary>
internal sealed class LetterTemplateContext : TemplateContext
{
    private readonly LetterTemplate _template;
    private readonly TimeZoneInfo _timeZone;
    private readonly Dictionary<string, LetterTemplate> _partialsByFile;

    public LetterTemplateContext(LetterTemplate template, TimeZoneInfo timeZone, IEnumerable<LetterTemplate>? partials = null)
    {
        _template = template;
        // A shared part's spans name it as the include loader does (its name), or by its file name.
        _partialsByFile = new Dictionary<string, LetterTemplate>(StringComparer.Ordinal);
        foreach (var partial in partials ?? [])
        {
            _partialsByFile[partial.FileName] = partial;
            _partialsByFile[Path.GetFileName(partial.Name)] = partial;
        }
        _timeZone = timeZone;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        EnableRelaxedIndexerAccess = false;
        EnableRelaxedFunctionAccess = false;
        TryGetVariable = MissingVariable;
        TryGetMember = MissingMember;
        // Limits: a template the studio saves is code the workflow runs; no loop, recursion, output or regex may hang a node.
        LoopLimit = MaxLoopIterations;
        RecursiveLimit = 20;
        OutputLimit = MaxOutputCharacters;
        LimitToString = MaxOutputCharacters;
        RegexTimeOut = TimeSpan.FromSeconds(1);
    }

    /// <summary>Iterations of one template's loops, nested ones counted together (a letter lists a few items at most).</summary>
    public const int MaxLoopIterations = 1000;

    /// <summary>The longest letter, in characters.</summary>
    public const int MaxOutputCharacters = 500_000;

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case MissingValue missing:
                throw MissingValueError(missing, span);
            case HtmlFragment fragment:
                Write(fragment.Html);
                return this;
            default:
                Write(WebUtility.HtmlEncode(ToText(textAsObject)));
                return this;
        }
    }

    public override bool ToBool(SourceSpan span, object? value) =>
        value is not MissingValue && base.ToBool(span, value);

    public LetterRenderException MissingValueError(MissingValue missing, SourceSpan span)
    {
        var (line, column) = LocateInSource(missing.Path) ?? (span.Start.Line + 1, span.Start.Column + 1);
        return new LetterRenderException(_template.Name, missing.Path, line, column, "the model gives no value");
    }

    private string ToText(object value) => value switch
    {
        string s => s,
        DateOnly date => FrenchFormat.Date(date),
        DateTimeOffset instant => FrenchFormat.Date(instant, _timeZone),
        DateTime dateTime => FrenchFormat.Date(DateOnly.FromDateTime(dateTime)),
        bool b => b ? "oui" : "non",
        decimal or double or float => FrenchFormat.Number(System.Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => ObjectToString(value) ?? string.Empty,
    };

    /// <summary>The whole dotted path (e.g. <c>complainant.name</c>) around a source offset of the letter, or of the shared
    /// part named <paramref name="fileName"/> when the span lies in one.</summary>
    public string? DottedPathAt(int offset, string? fileName = null)
    {
        var source = fileName is not null && _partialsByFile.TryGetValue(fileName, out var partial) ? partial.Source : _template.Source;
        if (offset < 0 || offset >= source.Length)
        {
            return null;
        }

        static bool IsPathChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.';
        var start = offset;
        while (start > 0 && IsPathChar(source[start - 1]))
        {
            start--;
        }

        var end = offset;
        while (end < source.Length && IsPathChar(source[end]))
        {
            end++;
        }

        var path = source[start..end].Trim('.');
        return path.Length == 0 ? null : path;
    }

    private static bool MissingVariable(TemplateContext context, SourceSpan span, ScriptVariable variable, out object value)
    {
        value = new MissingValue(variable.Name);
        return true;
    }

    private bool MissingMember(TemplateContext context, SourceSpan span, object target, string member, out object value)
    {
        value = new MissingValue(DottedPathAt(span.Start.Offset, span.FileName) ?? member);
        return true;
    }

    /// <summary>1-based position of the first use of a dotted path inside a code block (comments skipped).</summary>
    private (int Line, int Column)? LocateInSource(string path)
    {
        var index = FirstUseInCode(path);
        if (index < 0 && path.LastIndexOf('.') is var lastDot and >= 0)
        {
            index = FirstUseInCode(path[(lastDot + 1)..]);
        }

        if (index < 0)
        {
            return null;
        }

        var source = _template.Source;
        var line = 1 + source.AsSpan(0, index).Count('\n');
        var column = index - (source.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        return (line, column);
    }

    private int FirstUseInCode(string text)
    {
        var source = _template.Source;
        for (var index = source.IndexOf(text, StringComparison.Ordinal); index >= 0; index = source.IndexOf(text, index + 1, StringComparison.Ordinal))
        {
            var open = source.LastIndexOf("{{", index, StringComparison.Ordinal);
            var close = open < 0 ? -1 : source.IndexOf("}}", open, StringComparison.Ordinal);
            var inCode = open >= 0 && close > index;
            var isComment = inCode && source.AsSpan(open + 2).TrimStart("~- ").StartsWith("#");
            if (inCode && !isComment)
            {
                return index;
            }
        }

        return -1;
    }
}
