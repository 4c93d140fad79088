using Reclamations.Engine.Api;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Reclamations.Engine.Timers;

/// <summary>ISO 8601 dates for timer definitions.</summary>
public static class TimerDates
{
    private static readonly Regex Pattern = new(
        @"^(?<date>\d{4}-\d{2}-\d{2})(?:T(?<time>\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,7})?)?)(?<offset>Z|[+-]\d{2}(?::?\d{2})?)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture);

    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"];

    /// <summary>
    /// Parses an ISO 8601 date-time with an offset or Z; without an offset it is a local time in <paramref name="zone"/>;
    /// a date alone (2026-05-14) is midnight local time in <paramref name="zone"/>.
    /// </summary>
    /// <exception cref="FormatException">The text is not such a date; the message names it.</exception>
    public static DateTimeOffset ParseDate(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TryParseDate(text, zone, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a valid ISO 8601 date or date-time (expected e.g. 2026-05-14, 2026-05-14T09:00 or 2026-05-14T09:00:00+02:00).");
    }

    public static bool TryParseDate(string? text, TimeZoneInfo zone, out DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(zone);
        date = default;
        var match = Pattern.Match(text?.Trim() ?? string.Empty);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        var wallClock = day;
        if (match.Groups["time"].Success)
        {
            if (!DateTime.TryParseExact(match.Groups["time"].Value.Replace(',', '.'), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out var time))
            {
                return false;
            }

            wallClock = day + time.TimeOfDay;
        }

        if (!match.Groups["offset"].Success)
        {
            date = ZonedTime.AtLocal(wallClock, zone);
            return true;
        }

        if (!TryParseOffset(match.Groups["offset"].Value, out var offset))
        {
            return false;
        }

        date = new DateTimeOffset(wallClock, offset);
        return true;
    }

    private static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is "Z" or "z")
        {
            return true;
        }

        var digits = text[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-')
        {
            offset = -offset;
        }

        return offset.Duration() <= TimeSpan.FromHours(14);
    }
}
