using Reclamations.Engine.Api;
using Reclamations.Domain.Calendars;

namespace Reclamations.Domain.Deadlines;

/// <summary>
/// Deadline arithmetic on instants, shaped to be bound as expression functions
/// (<c>add_working_days(date, n, profileCode)</c>, <c>add_months(date, n)</c>, <c>add_days(date, n)</c>,
/// <c>deadline_end(date, profileCode)</c>). Each reads the local date of its argument in the profile's
/// time zone (the default zone for the profile-less functions) and returns the result at the same local
/// time of day, shifted forward if a DST gap skips it.
/// </summary>
public sealed class DeadlineFunctions
{
    private readonly IReadOnlyDictionary<string, DeadlineProfile> _profiles;
    private readonly TimeZoneInfo _defaultZone;

    /// <param name="profiles">The deadline profiles, by code.</param>
    /// <param name="defaultTimeZoneId">The zone of <see cref="AddMonths"/> and <see cref="AddDays"/>.</param>
    public DeadlineFunctions(
        IReadOnlyDictionary<string, DeadlineProfile> profiles,
        string defaultTimeZoneId = DeadlineProfile.DefaultTimeZoneId)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        _profiles = profiles;
        _defaultZone = ZonedTime.FindZone(defaultTimeZoneId, nameof(defaultTimeZoneId));
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="date"/> in the profile's calendar.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset date, int count, string profileCode)
    {
        var profile = Profile(profileCode);
        var zone = ZonedTime.FindZone(profile.TimeZoneId, nameof(profileCode));
        var calendar = new WorkingDayCalendar(profile.CalendarKind, profile.HolidayRegion);
        return Shift(date, zone, day => calendar.AddWorkingDays(day, count));
    }

    /// <summary><paramref name="date"/> plus <paramref name="months"/> months, clamped to the month's last day.</summary>
    public DateTimeOffset AddMonths(DateTimeOffset date, int months) =>
        Shift(date, _defaultZone, day => DateArithmetic.AddMonths(day, months));

    /// <summary><paramref name="date"/> plus <paramref name="days"/> calendar days.</summary>
    public DateTimeOffset AddDays(DateTimeOffset date, int days) =>
        Shift(date, _defaultZone, day => DateArithmetic.AddDays(day, days));

    /// <summary>The instant a deadline due on the local date of <paramref name="date"/> expires (start of the next day).</summary>
    public DateTimeOffset DeadlineEnd(DateTimeOffset date, string profileCode)
    {
        var profile = Profile(profileCode);
        var zone = ZonedTime.FindZone(profile.TimeZoneId, nameof(profileCode));
        var local = ZonedTime.InZone(date, zone);
        return DeadlineCalculator.EndOfDay(DateOnly.FromDateTime(local.DateTime), zone);
    }

    private static DateTimeOffset Shift(DateTimeOffset date, TimeZoneInfo zone, Func<DateOnly, DateOnly> move)
    {
        var local = ZonedTime.InZone(date, zone).DateTime;
        var day = move(DateOnly.FromDateTime(local));
        return ZonedTime.AtLocal(day.ToDateTime(TimeOnly.FromDateTime(local)), zone);
    }

    private DeadlineProfile Profile(string profileCode)
    {
        ArgumentNullException.ThrowIfNull(profileCode);
        return _profiles.TryGetValue(profileCode, out var profile)
            ? profile
            : throw new ArgumentException($"Unknown deadline profile '{profileCode}'.", nameof(profileCode));
    }
}
