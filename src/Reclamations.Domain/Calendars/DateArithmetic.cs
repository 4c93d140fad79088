namespace Reclamations.Domain.Calendars;

/// <summary>
/// Calendar-day and month arithmetic for deadlines. A month deadline lands on the same day of
/// the month, or on the month's last day when that day does not exist (31 December + 2 months
/// = 28 or 29 February). Nothing is moved to the next working day.
/// </summary>
public static class DateArithmetic
{
    public static DateOnly AddMonths(DateOnly date, int months)
    {
        var firstOfTarget = new DateOnly(date.Year, date.Month, 1).AddMonths(months);
        var lastDay = DateTime.DaysInMonth(firstOfTarget.Year, firstOfTarget.Month);
        return new DateOnly(firstOfTarget.Year, firstOfTarget.Month, Math.Min(date.Day, lastDay));
    }

    public static DateOnly AddDays(DateOnly date, int days) => date.AddDays(days);
}
