using Reclamations.Domain.Calendars;

namespace Reclamations.Domain.Deadlines;

/// <summary>A length of time such as "2 months", "30 days" or "10 working days".</summary>
public sealed record DeadlinePeriod(int Count, DeadlineUnit Unit)
{
    public static DeadlinePeriod OfDays(int count) => new(count, DeadlineUnit.Days);

    public static DeadlinePeriod OfWorkingDays(int count) => new(count, DeadlineUnit.WorkingDays);

    public static DeadlinePeriod OfMonths(int count) => new(count, DeadlineUnit.Months);

    /// <summary>The last day of this period counted from <paramref name="start"/> (start excluded).</summary>
    public DateOnly AddTo(DateOnly start, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Count < 0)
        {
            throw new ArgumentException($"A deadline period cannot be negative ({Count}).", nameof(Count));
        }

        return Unit switch
        {
            DeadlineUnit.Days => DateArithmetic.AddDays(start, Count),
            DeadlineUnit.WorkingDays => calendar.AddWorkingDays(start, Count),
            DeadlineUnit.Months => DateArithmetic.AddMonths(start, Count),
            _ => throw new ArgumentException($"Unknown deadline unit '{Unit}'.", nameof(Unit)),
        };
    }

    public override string ToString() => $"{Count} {Unit}";
}
