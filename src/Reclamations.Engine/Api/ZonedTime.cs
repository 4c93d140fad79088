namespace Reclamations.Engine.Api;

/// <summary>The one place where local dates and times of a time zone become instants and back (the engine's timers, the
/// register's deadlines, the letters and the pages all use it), resolving DST gaps and overlaps the same way.</summary>
public static class ZonedTime
{
    /// <summary>The zone of an IANA id; an unknown id is an <see cref="ArgumentException"/> naming it.</summary>
    public static TimeZoneInfo FindZone(string timeZoneId, string paramName = "timeZoneId")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId, paramName);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"Unknown time zone '{timeZoneId}'.", paramName, ex);
        }
    }

    /// <summary>
    /// The instant at wall-clock time <paramref name="wallClock"/> in <paramref name="zone"/>. A time skipped by a DST change
    /// is moved forward by the gap (02:30 becomes 03:30); an ambiguous one takes <paramref name="preferredOffset"/> when it is
    /// one of the candidates, else its first occurrence.
    /// </summary>
    public static DateTimeOffset AtLocal(DateTime wallClock, TimeZoneInfo zone, TimeSpan? preferredOffset = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Interpret with the offset in force before the gap, then express the instant in the zone.
            var offsetBefore = zone.GetUtcOffset(local.AddDays(-1));
            var instant = new DateTimeOffset(local - offsetBefore, TimeSpan.Zero);
            return TimeZoneInfo.ConvertTime(instant, zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var candidates = zone.GetAmbiguousTimeOffsets(local);
            var offset = preferredOffset is { } preferred && candidates.Contains(preferred) ? preferred : candidates.Max();
            return new DateTimeOffset(local, offset);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The first instant of <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone) => AtLocal(day.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>The instant <paramref name="day"/> is over in <paramref name="zone"/>: the start of the next day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone) => StartOfDay(day.AddDays(1), zone);

    /// <summary><paramref name="instant"/> seen in <paramref name="zone"/> (its local date-time and offset there).</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The local date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(InZone(instant, zone).DateTime);
}
