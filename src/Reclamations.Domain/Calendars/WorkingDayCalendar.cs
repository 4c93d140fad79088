namespace Reclamations.Domain.Calendars;

/// <summary>Counts working days (jours ouvrables or jours ouvrés) in a region's holiday calendar.</summary>
public sealed class WorkingDayCalendar
{
    private readonly HolidayCalendar _holidays;

    public WorkingDayCalendar(CalendarKind kind, HolidayRegion region)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown calendar kind.");
        }

        Kind = kind;
        Region = region;
        _holidays = HolidayCalendar.For(region);
    }

    public CalendarKind Kind { get; }

    public HolidayRegion Region { get; }

    public bool IsWorkingDay(DateOnly date)
    {
        var weekday = date.DayOfWeek;
        if (weekday == DayOfWeek.Sunday || (Kind == CalendarKind.JoursOuvres && weekday == DayOfWeek.Saturday))
        {
            return false;
        }

        return !_holidays.IsHoliday(date);
    }

    /// <summary>
    /// The <paramref name="count"/>-th working day strictly after <paramref name="start"/>;
    /// <paramref name="start"/> itself when <paramref name="count"/> is 0 (working day or not).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var date = start;
        while (count > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                count--;
            }
        }

        return date;
    }

    /// <summary>
    /// The number of working days in (<paramref name="start"/>, <paramref name="end"/>]: start excluded,
    /// end included, so <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>.
    /// Negative when <paramref name="end"/> is before <paramref name="start"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            return -WorkingDaysBetween(end, start);
        }

        var count = 0;
        for (var date = start; date < end;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
