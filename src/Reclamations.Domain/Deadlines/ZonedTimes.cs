namespace Reclamations.Domain.Deadlines;

/// <summary>Maps local date-times of a time zone to instants, leniently across DST transitions.</summary>
internal static class ZonedTimes
{
    public static TimeZoneInfo FindZone(string timeZoneId, string paramName)
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
    /// The instant at local time <paramref name="local"/> in <paramref name="zone"/>. A time skipped by
    /// a forward transition is moved forward by the gap (02:30 becomes 03:30); a time repeated by a
    /// backward transition resolves to its first occurrence.
    /// </summary>
    public static DateTimeOffset AtLocal(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            var earliest = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, earliest);
        }

        if (zone.IsInvalidTime(local))
        {
            // Read the skipped time with the offset in force before the gap, then view that instant in the zone.
            var offsetBefore = zone.GetUtcOffset(local.AddDays(-1));
            var instant = new DateTimeOffset(local, offsetBefore);
            return TimeZoneInfo.ConvertTime(instant, zone);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary><paramref name="instant"/> seen in <paramref name="zone"/> (its local date-time and offset there).</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone);
}
