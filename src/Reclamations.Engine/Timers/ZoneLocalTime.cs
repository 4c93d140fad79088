namespace Reclamations.Engine.Timers;

/// <summary>Maps a wall-clock time in a time zone to an instant, resolving DST gaps and overlaps.</summary>
internal static class ZoneLocalTime
{
    /// <summary>
    /// A wall-clock time that does not exist (skipped by a DST change) is moved forward by the gap;
    /// an ambiguous one takes <paramref name="preferredOffset"/> when it is one of the candidates, else the earlier instant.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime wallClock, TimeZoneInfo zone, TimeSpan? preferredOffset = null)
    {
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
}
