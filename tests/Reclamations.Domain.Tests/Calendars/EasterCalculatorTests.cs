using Reclamations.Domain.Calendars;
using static Reclamations.Domain.Tests.TestDates;

namespace Reclamations.Domain.Tests.Calendars;

public sealed class EasterCalculatorTests
{
    [Theory]
    [InlineData(1583, "1583-04-10")]
    [InlineData(1818, "1818-03-22")] // earliest possible date
    [InlineData(1943, "1943-04-25")] // latest possible date
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2100, "2100-03-28")]
    [InlineData(2285, "2285-03-22")]
    [InlineData(4099, "4099-04-19")]
    public void EasterSunday_matches_known_dates(int year, string expected)
    {
        var easter = EasterCalculator.EasterSunday(year);

        easter.Should().Be(D(expected));
        easter.DayOfWeek.Should().Be(DayOfWeek.Sunday);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void EasterSunday_rejects_years_outside_DateOnly(int year)
    {
        var act = () => EasterCalculator.EasterSunday(year);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("year");
    }
}
