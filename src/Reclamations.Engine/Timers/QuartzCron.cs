using System.Globalization;
using Cronos;

namespace Reclamations.Engine.Timers;

/// <summary>A cron timer cycle in Camunda's (Quartz) syntax: <c>seconds minutes hours day-of-month month day-of-week [year]</c>,
/// e.g. <c>0 0 9 ? * MON-FRI</c>. Parsed and evaluated by Cronos; the Quartz forms are translated first: day-of-week
/// numbers 1-7 mean Sunday-Saturday (Cronos: 0-6), a lone <c>L</c> there is Saturday, and a year field must be <c>*</c>
/// or <c>?</c> (Cronos has none). Occurrences are computed in the given time zone, DST-safe (Cronos skips or shifts
/// wall-clock times a DST change removes or repeats).</summary>
public sealed class QuartzCron
{
    private readonly CronExpression _expression;

    private QuartzCron(string text, CronExpression expression)
    {
        Text = text;
        _expression = expression;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Whether a timeCycle value is a cron expression rather than an ISO 8601 repeating interval (R...).</summary>
    public static bool IsCron(string? text) => text?.Trim() is { Length: > 0 } trimmed && trimmed[0] is not ('R' or 'r');

    /// <exception cref="FormatException">Not a valid Quartz cron expression; the message names it and the field.</exception>
    public static QuartzCron Parse(string text)
    {
        var fields = (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (6 or 7))
            throw Invalid(text, $"expected 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), found {fields.Length}");
        if (fields.Length == 7 && fields[6] is not ("*" or "?"))
            throw Invalid(text, $"the year field '{fields[6]}' is not supported (use * or leave it out)");
        var cronos = string.Join(' ', fields[..5].Append(DayOfWeek(fields[5], text)));
        try
        {
            return new QuartzCron(text!.Trim(), CronExpression.Parse(cronos, CronFormat.IncludeSeconds));
        }
        catch (CronFormatException e)
        {
            throw Invalid(text, e.Message.TrimEnd('.'));
        }
    }

    /// <summary>The first occurrence after <paramref name="after"/> (or at it, when <paramref name="inclusive"/>), in
    /// <paramref name="zone"/>; null if there is none.</summary>
    public DateTimeOffset? NextOccurrence(DateTimeOffset after, TimeZoneInfo zone, bool inclusive = false) =>
        _expression.GetNextOccurrence(after, zone, inclusive);

    /// <summary>The shortest gap between two of the first occurrences from <paramref name="from"/> (for the period floor).</summary>
    public TimeSpan ShortestGap(DateTimeOffset from, TimeZoneInfo zone, int occurrences = 100)
    {
        var shortest = TimeSpan.MaxValue;
        var previous = NextOccurrence(from, zone);
        for (var i = 0; i < occurrences && previous is { } at; i++)
        {
            var next = NextOccurrence(at, zone);
            if (next is { } n && n - at < shortest) shortest = n - at;
            previous = next;
        }
        return shortest;
    }

    public override string ToString() => Text;

    /// <summary>Quartz day-of-week (1 = Sunday … 7 = Saturday, names, ranges, steps, <c>n#k</c>, <c>nL</c>, lone <c>L</c>)
    /// to Cronos (0 = Sunday … 6 = Saturday).</summary>
    private static string DayOfWeek(string field, string? text)
    {
        if (field is "?" or "*") return field;
        if (field is "L" or "l") return "6";
        return string.Join(',', field.Split(',').Select(token =>
        {
            var slash = token.IndexOf('/');
            var range = slash < 0 ? token : token[..slash];
            var step = slash < 0 ? "" : token[slash..];
            var hash = range.IndexOf('#');
            var nth = hash < 0 ? "" : range[hash..];
            if (hash >= 0) range = range[..hash];
            var last = range.EndsWith('L') || range.EndsWith('l') ? "L" : "";
            if (last.Length > 0) range = range[..^1];
            var days = range == "*" ? range : string.Join('-', range.Split('-').Select(day => Day(day, text)));
            // A step runs to the end of the week (Saturday): Cronos would go on to 7, its second Sunday.
            if (step.Length > 0 && !days.Contains('-')) days = days == "*" ? "0-6" : $"{days}-6";
            return days + last + nth + step;
        }));
    }

    private static string Day(string day, string? text)
    {
        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return day; // a name (MON) or an error Cronos reports
        if (number is < 1 or > 7) throw Invalid(text, $"day-of-week {number} is out of range (Quartz numbers days 1 = Sunday to 7 = Saturday)");
        return (number - 1).ToString(CultureInfo.InvariantCulture);
    }

    private static FormatException Invalid(string? text, string reason) => new($"'{text}' is not a valid cron expression: {reason}.");
}
