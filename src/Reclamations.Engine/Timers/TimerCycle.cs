using System.Globalization;

namespace Reclamations.Engine.Timers;

/// <summary>An ISO 8601 repeating interval: R3/PT1H, R/PT10M, R/2026-01-01T09:00:00+01:00/P1D, R5/2026-01-01T09:00/PT1H.</summary>
/// <param name="Repetitions">Number of repetitions; null means unbounded (<c>R/...</c>).</param>
/// <param name="Start">First fire time when given; otherwise the cycle starts one period after it is scheduled.</param>
public sealed record TimerCycle(int? Repetitions, DateTimeOffset? Start, IsoDuration Period)
{
    /// <summary>Parses a cycle; a start without offset is a local time in <paramref name="zone"/>.</summary>
    /// <exception cref="FormatException">The text is not a supported repeating interval; the message names it.</exception>
    public static TimerCycle Parse(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var parts = (text ?? string.Empty).Trim().Split('/');
        if (parts.Length is < 2 or > 3 || !TryParseRepetitions(parts[0], out var repetitions))
        {
            throw Invalid(text, "expected R[n]/[start/]duration");
        }

        DateTimeOffset? start = null;
        if (parts.Length == 3)
        {
            if (!TimerDates.TryParseDate(parts[1], zone, out var date))
            {
                throw Invalid(text, $"'{parts[1]}' is not an ISO 8601 date-time");
            }

            start = date;
        }

        if (!IsoDuration.TryParse(parts[^1], out var period))
        {
            throw Invalid(text, $"'{parts[^1]}' is not an ISO 8601 duration");
        }

        if (period.Years == 0 && period.Months == 0 && period.Weeks == 0 && period.Days == 0 && period.Time == TimeSpan.Zero)
        {
            throw Invalid(text, "the period must not be zero");
        }

        return new TimerCycle(repetitions, start, period);
    }

    /// <summary>The ISO 8601 form; a start is written with its offset.</summary>
    public override string ToString()
    {
        var repetitions = Repetitions?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        return Start is { } start
            ? $"R{repetitions}/{start.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)}/{Period}"
            : $"R{repetitions}/{Period}";
    }

    private static bool TryParseRepetitions(string text, out int? repetitions)
    {
        repetitions = null;
        if (text is not ['R' or 'r', .. var count])
        {
            return false;
        }

        if (count.Length == 0)
        {
            return true;
        }

        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        repetitions = value;
        return true;
    }

    private static FormatException Invalid(string? text, string reason) =>
        new($"'{text}' is not a valid ISO 8601 timer cycle: {reason}.");
}
