using System.Globalization;
using System.Net;
using System.Text;
using Scriban.Runtime;

namespace Reclamations.Domain.Letters;

/// <summary>
/// Helpers available in every letter: <c>format_date</c>, <c>format_amount</c>, <c>paragraphs</c>,
/// <c>fail</c> (refuses to render, with a message), and <c>include</c> (a shared part of <c>templates/_partials</c>).
/// A missing value passes through them unchanged, so writing it still names the variable.
/// </summary>
internal static class LetterFunctions
{
    public static ScriptObject Create(TimeZoneInfo timeZone)
    {
        var functions = new ScriptObject();
        functions.Import("format_date", new Func<object?, object>(value => FormatDate(value, timeZone)));
        functions.Import("format_amount", new Func<object?, object>(FormatAmount));
        functions.Import("paragraphs", new Func<object?, object>(Paragraphs));
        functions.SetValue("include", new LetterIncludeFunction(), readOnly: true);
        functions.Import("fail", new Func<string, object>(message => throw new LetterTemplateFailure(message)));
        return functions;
    }

    public static object FormatDate(object? value, TimeZoneInfo timeZone) => value switch
    {
        MissingValue missing => missing,
        DateOnly date => FrenchFormat.Date(date),
        DateTimeOffset instant => FrenchFormat.Date(instant, timeZone),
        DateTime dateTime => FrenchFormat.Date(DateOnly.FromDateTime(dateTime)),
        string text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            => FrenchFormat.Date(date),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            => FrenchFormat.Date(instant, timeZone),
        _ => throw new ArgumentException($"format_date expects a date, got '{value}' ({value?.GetType().Name ?? "null"})."),
    };

    public static object FormatAmount(object? value) => value switch
    {
        MissingValue missing => missing,
        string text when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            => FrenchFormat.Amount(amount),
        IConvertible number when value is not string and not bool and not DateTime
            => FrenchFormat.Amount(number.ToDecimal(CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"format_amount expects a number, got '{value}'."),
    };

    /// <summary>Plain text into HTML paragraphs: blank lines split paragraphs, line breaks are kept.</summary>
    public static object Paragraphs(object? value)
    {
        if (value is MissingValue missing)
        {
            return missing;
        }

        var text = (value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        var html = new StringBuilder();
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = paragraph.Split('\n').Select(l => WebUtility.HtmlEncode(l.Trim()));
            html.Append("<p style=\"margin:0 0 12px 0;\">").AppendJoin("<br>", lines).Append("</p>");
        }

        return new HtmlFragment(html.ToString());
    }
}
