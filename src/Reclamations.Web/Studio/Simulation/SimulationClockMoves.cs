using Reclamations.Domain.Calendars;
using Reclamations.Domain.Deadlines;
using Reclamations.Engine.Api;

namespace Reclamations.Web.Studio.Simulation;

/// <summary>How a simulation's clock may move.</summary>
public enum ClockMove
{
    /// <summary>« +10 jours ouvrables »: ten working days of the complaint's profile calendar (its kind and holidays).</summary>
    TenWorkingDays,

    /// <summary>« +2 mois »: two calendar months, clamped to the month's end.</summary>
    TwoMonths,

    /// <summary>« jusqu'à la prochaine échéance »: the due time of the next timer (or job).</summary>
    NextDeadline,
}

/// <summary>The instant a move of the clock lands on: the same local time of day, in the profile's zone, so many working
/// days or months later (the deadlines' own calendar arithmetic).</summary>
public static class SimulationClockMoves
{
    public static string Label(ClockMove move) => move switch
    {
        ClockMove.TenWorkingDays => "+10 jours ouvrables",
        ClockMove.TwoMonths => "+2 mois",
        ClockMove.NextDeadline => "jusqu'à la prochaine échéance",
        _ => move.ToString(),
    };

    /// <summary>The target of a calendar move (not <see cref="ClockMove.NextDeadline"/>, which the engine's jobs give).</summary>
    public static DateTimeOffset Target(DateTimeOffset now, ClockMove move, DeadlineProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var zone = ZonedTime.FindZone(profile.TimeZoneId, nameof(profile));
        var local = ZonedTime.InZone(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var calendar = new WorkingDayCalendar(profile.CalendarKind, profile.HolidayRegion);
        var target = move switch
        {
            ClockMove.TenWorkingDays => DeadlinePeriod.OfWorkingDays(10).AddTo(day, calendar),
            ClockMove.TwoMonths => DeadlinePeriod.OfMonths(2).AddTo(day, calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(move), move, "Not a calendar move."),
        };
        return ZonedTime.AtLocal(target.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay)), zone);
    }
}
