using Reclamations.Domain.Calendars;
using Reclamations.Domain.Deadlines;
using static Reclamations.Domain.Tests.TestDates;

namespace Reclamations.Domain.Tests.Deadlines;

public sealed class DeadlinePeriodTests
{
    private static readonly WorkingDayCalendar FranceOuvrables = new(CalendarKind.JoursOuvrables, HolidayRegion.France);

    [Theory]
    [InlineData(2, DeadlineUnit.Months, "2026-12-31", "2027-02-28")]
    [InlineData(30, DeadlineUnit.Days, "2026-12-20", "2027-01-19")]
    [InlineData(10, DeadlineUnit.WorkingDays, "2026-04-28", "2026-05-12")]
    [InlineData(0, DeadlineUnit.Months, "2026-04-28", "2026-04-28")]
    public void AddTo_counts_in_the_period_unit(int count, DeadlineUnit unit, string start, string expected) =>
        new DeadlinePeriod(count, unit).AddTo(D(start), FranceOuvrables).Should().Be(D(expected));

    [Fact]
    public void Factories_build_the_matching_unit()
    {
        DeadlinePeriod.OfDays(30).Should().Be(new DeadlinePeriod(30, DeadlineUnit.Days));
        DeadlinePeriod.OfWorkingDays(10).Should().Be(new DeadlinePeriod(10, DeadlineUnit.WorkingDays));
        DeadlinePeriod.OfMonths(2).Should().Be(new DeadlinePeriod(2, DeadlineUnit.Months));
    }

    [Fact]
    public void AddTo_rejects_an_unknown_unit()
    {
        var act = () => new DeadlinePeriod(1, (DeadlineUnit)42).AddTo(D("2026-04-28"), FranceOuvrables);

        act.Should().Throw<ArgumentException>().WithParameterName("Unit");
    }
}
