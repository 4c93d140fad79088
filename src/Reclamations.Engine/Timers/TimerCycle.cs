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

    /// <summary>This cycle anchored where it is scheduled: a cycle without a start (R3/PT1H) counts its periods from
    /// <paramref name="scheduledAt"/>, which is occurrence 0 and not a firing (hence one more repetition); with a start it is unchanged.</summary>
    public TimerCycle AnchoredAt(DateTimeOffset scheduledAt) =>
        Start is null ? this with { Start = scheduledAt, Repetitions = Repetitions + 1 } : this;

    /// <summary>The occurrence <paramref name="index"/> (0 = the start): start + index × period, computed from the start
    /// each time so that months do not drift (R/2026-01-31/P1M: Jan 31, Feb 28, Mar 31, Apr 30).</summary>
    public DateTimeOffset Occurrence(int index, TimeZoneInfo zone)
    {
        var start = Start ?? throw new InvalidOperationException($"The cycle '{this}' has no start.");
        return index == 0 ? start : Period.Times(index).AddTo(start, zone);
    }

    /// <summary>The first occurrence after <paramref name="after"/> (or at it, when <paramref name="inclusive"/>) and its
    /// index; null when the repetitions are used up. Occurrences missed before <paramref name="after"/> are skipped.</summary>
    public (int Index, DateTimeOffset At)? NextOccurrence(DateTimeOffset after, TimeZoneInfo zone, bool inclusive = false)
    {
        var start = Start ?? throw new InvalidOperationException($"The cycle '{this}' has no start.");
        bool Fits(DateTimeOffset at) => inclusive ? at >= after : at > after;
        var average = Period.AverageLength.Ticks;
        var index = after <= start || average <= 0 ? 0 : (int)Math.Min(int.MaxValue - 1, (after - start).Ticks / average);
        if (Repetitions is { } cap && index > cap) index = cap;
        while (index > 0 && Fits(Occurrence(index - 1, zone))) index--;
        while (!Fits(Occurrence(index, zone)))
        {
            if (Repetitions is { } n && index >= n) return null;
            index++;
        }
        return Repetitions is { } total && index >= total ? null : (index, Occurrence(index, zone));
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
