using Reclamations.Engine.Api;
using Reclamations.Domain.Calendars;
using Reclamations.Domain.Deadlines;
using Reclamations.Engine.Hosting;

namespace Reclamations.Domain.Workflow;

/// <summary>The deadline functions BPMN timers and due dates call, e.g.
/// <c>${ deadline_end(add_working_days(clockStart, 10, profile), profile) }</c>: a process owner changes a deadline
/// by editing the diagram, or the profile's periods.</summary>
public static class DeadlineExpressionFunctions
{
    public static EngineBuilder AddDeadlineFunctions(this EngineBuilder builder, DeadlineProfileCatalog catalog)
    {
        DeadlineFunctions Functions() => new(catalog.Current);
        builder.AddFunction("add_working_days", (DateTimeOffset date, int count, string profile) => Functions().AddWorkingDays(date, count, profile));
        builder.AddFunction("add_months", (DateTimeOffset date, int months) => Functions().AddMonths(date, months));
        builder.AddFunction("add_days", (DateTimeOffset date, int days) => Functions().AddDays(date, days));
        builder.AddFunction("deadline_end", (DateTimeOffset date, string profile) => Functions().DeadlineEnd(date, profile));
        builder.AddFunction("response_due", (DateTimeOffset clockStart, string profile) =>
            AddPeriod(catalog.Get(profile), clockStart, p => p.ResponsePeriod));
        builder.AddFunction("second_level_due", (DateTimeOffset clockStart, string profile) =>
            AddPeriod(catalog.Get(profile), clockStart, p => p.SecondLevelPeriod ?? p.ResponsePeriod));
        return builder;
    }

    /// <summary>The profile's period added to the local date of <paramref name="start"/>, at the same local time of day.</summary>
    private static DateTimeOffset AddPeriod(DeadlineProfile profile, DateTimeOffset start, Func<DeadlineProfile, DeadlinePeriod> period)
    {
        var zone = ZonedTime.FindZone(profile.TimeZoneId, nameof(profile));
        var local = ZonedTime.InZone(start, zone);
        var calendar = new WorkingDayCalendar(profile.CalendarKind, profile.HolidayRegion);
        var due = period(profile).AddTo(DateOnly.FromDateTime(local.DateTime), calendar);
        var localDue = due.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return ZonedTime.AtLocal(localDue, zone);
    }
}
