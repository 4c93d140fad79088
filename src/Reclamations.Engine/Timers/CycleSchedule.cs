namespace Reclamations.Engine.Timers;

/// <summary>When a cycle timer fires: an ISO 8601 repeating interval keeps its anchor (occurrence n = start + n × period;
/// without a start, the time it was scheduled), a cron expression is evaluated in the engine's zone. After downtime the
/// late firing stands for every occurrence missed: the next one is the first after now.</summary>
internal static class CycleSchedule
{
    /// <summary>A timer's first firing when scheduled at <paramref name="now"/>: the cycle text to keep on the job
    /// (anchored), its due time and the repetitions left after it; null when no occurrence is left (a bounded cycle whose
    /// start is so far in the past that all its occurrences went by).</summary>
    public static (string Stored, DateTimeOffset Due, int? Left)? First(string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (QuartzCron.IsCron(text))
        {
            var cron = QuartzCron.Parse(text);
            return cron.NextOccurrence(now, zone, inclusive: true) is { } at ? (cron.Text, at, null) : null;
        }
        var parsed = TimerCycle.Parse(text, zone);
        var anchored = parsed.AnchoredAt(now);
        if (anchored.NextOccurrence(now, zone, inclusive: parsed.Start is not null) is not { } first) return null;
        return (anchored.ToString(), first.At, Left(anchored, first.Index));
    }

    /// <summary>The firing after the one due at <paramref name="firedDue"/>, fired at <paramref name="now"/>; null when the
    /// cycle is over.</summary>
    public static (DateTimeOffset Due, int? Left)? Next(string stored, DateTimeOffset firedDue, int? repetitionsLeft,
        DateTimeOffset now, TimeZoneInfo zone)
    {
        var after = firedDue > now ? firedDue : now;
        if (QuartzCron.IsCron(stored))
            return QuartzCron.Parse(stored).NextOccurrence(after, zone) is { } at ? (at, null) : null;
        if (repetitionsLeft is <= 0) return null;
        var cycle = TimerCycle.Parse(stored, zone);
        // A job written before cycles were anchored (no start in its text): anchored at the firing just done.
        if (cycle.Start is null) cycle = new TimerCycle(repetitionsLeft + 1, firedDue, cycle.Period);
        return cycle.NextOccurrence(after, zone) is { } next ? (next.At, Left(cycle, next.Index)) : null;
    }

    /// <summary>The shortest time between two firings of a cycle (ISO: a lower bound of its period; cron: the shortest gap
    /// among its next occurrences).</summary>
    /// <exception cref="FormatException">The text is not a valid cycle.</exception>
    public static TimeSpan ShortestPeriod(string text, DateTimeOffset from, TimeZoneInfo zone) =>
        QuartzCron.IsCron(text) ? QuartzCron.Parse(text).ShortestGap(from, zone) : TimerCycle.Parse(text, zone).Period.ShortestLength;

    private static int? Left(TimerCycle cycle, int index) => cycle.Repetitions is { } n ? n - 1 - index : null;
}
