using Reclamations.Domain.Calendars;
using static Reclamations.Domain.Tests.TestDates;

namespace Reclamations.Domain.Tests.Calendars;

public sealed class HolidayCalendarTests
{
    [Theory]
    [InlineData(HolidayRegion.France, "2026-01-01", "Jour de l'an")]
    [InlineData(HolidayRegion.France, "2026-04-06", "Lundi de Pâques")]
    [InlineData(HolidayRegion.France, "2026-05-01", "Fête du Travail")]
    [InlineData(HolidayRegion.France, "2026-05-08", "Victoire 1945")]
    [InlineData(HolidayRegion.France, "2026-05-14", "Ascension")]
    [InlineData(HolidayRegion.France, "2026-05-25", "Lundi de Pentecôte")]
    [InlineData(HolidayRegion.France, "2026-07-14", "Fête nationale")]
    [InlineData(HolidayRegion.France, "2026-08-15", "Assomption")]
    [InlineData(HolidayRegion.France, "2026-11-01", "Toussaint")]
    [InlineData(HolidayRegion.France, "2026-11-11", "Armistice 1918")]
    [InlineData(HolidayRegion.France, "2026-12-25", "Noël")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-01-01", "Jour de l'an")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-04-03", "Vendredi saint")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-04-06", "Lundi de Pâques")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-05-01", "Fête du Travail")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-05-08", "Victoire 1945")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-05-14", "Ascension")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-05-25", "Lundi de Pentecôte")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-07-14", "Fête nationale")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-08-15", "Assomption")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-11-01", "Toussaint")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-11-11", "Armistice 1918")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-12-25", "Noël")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-12-26", "Saint-Étienne")]
    [InlineData(HolidayRegion.Luxembourg, "2026-01-01", "Jour de l'an")]
    [InlineData(HolidayRegion.Luxembourg, "2026-04-06", "Lundi de Pâques")]
    [InlineData(HolidayRegion.Luxembourg, "2026-05-01", "Fête du Travail")]
    [InlineData(HolidayRegion.Luxembourg, "2026-05-09", "Journée de l'Europe")]
    [InlineData(HolidayRegion.Luxembourg, "2026-05-14", "Ascension")]
    [InlineData(HolidayRegion.Luxembourg, "2026-05-25", "Lundi de Pentecôte")]
    [InlineData(HolidayRegion.Luxembourg, "2026-06-23", "Fête nationale")]
    [InlineData(HolidayRegion.Luxembourg, "2026-08-15", "Assomption")]
    [InlineData(HolidayRegion.Luxembourg, "2026-11-01", "Toussaint")]
    [InlineData(HolidayRegion.Luxembourg, "2026-12-25", "Noël")]
    [InlineData(HolidayRegion.Luxembourg, "2026-12-26", "Deuxième jour de Noël")]
    public void Every_2026_holiday_is_listed_and_recognised(HolidayRegion region, string date, string name)
    {
        var calendar = HolidayCalendar.For(region);

        calendar.HolidaysIn(2026).Should().ContainSingle(h => h.Date == D(date)).Which.Name.Should().Be(name);
        calendar.IsHoliday(D(date)).Should().BeTrue();
    }

    [Theory]
    [InlineData(HolidayRegion.France, 11)]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, 13)]
    [InlineData(HolidayRegion.Luxembourg, 11)]
    public void HolidaysIn_2026_has_exactly_the_region_holidays_in_date_order(HolidayRegion region, int count)
    {
        var holidays = HolidayCalendar.For(region).HolidaysIn(2026);

        holidays.Should().HaveCount(count);
        holidays.Select(h => h.Date).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        holidays.Should().OnlyContain(h => h.Date.Year == 2026);
    }

    [Theory]
    [InlineData(HolidayRegion.France, "2026-04-03")] // Good Friday: Alsace-Moselle only
    [InlineData(HolidayRegion.France, "2026-04-05")] // Easter Sunday is not a public holiday as such
    [InlineData(HolidayRegion.France, "2026-05-09")]
    [InlineData(HolidayRegion.France, "2026-06-23")]
    [InlineData(HolidayRegion.France, "2026-12-26")]
    [InlineData(HolidayRegion.France, "2026-12-31")]
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2026-12-24")]
    [InlineData(HolidayRegion.Luxembourg, "2026-05-08")]
    [InlineData(HolidayRegion.Luxembourg, "2026-07-14")]
    [InlineData(HolidayRegion.Luxembourg, "2026-11-11")]
    [InlineData(HolidayRegion.Luxembourg, "2026-04-03")]
    [InlineData(HolidayRegion.Luxembourg, "2018-05-09")] // Europe Day is a holiday from 2019
    public void Ordinary_days_are_not_holidays(HolidayRegion region, string date) =>
        HolidayCalendar.For(region).IsHoliday(D(date)).Should().BeFalse();

    [Theory]
    [InlineData(HolidayRegion.France, "2024-04-01")] // Easter Monday 2024
    [InlineData(HolidayRegion.France, "2024-05-09")] // Ascension 2024
    [InlineData(HolidayRegion.France, "2024-05-20")] // Whit Monday 2024
    [InlineData(HolidayRegion.France, "2025-05-29")] // Ascension 2025
    [InlineData(HolidayRegion.France, "2027-03-29")] // Easter Monday 2027
    [InlineData(HolidayRegion.France, "2027-05-06")] // Ascension 2027
    [InlineData(HolidayRegion.France, "2027-05-17")] // Whit Monday 2027
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2027-03-26")] // Good Friday 2027
    [InlineData(HolidayRegion.FranceAlsaceMoselle, "2038-04-23")] // Good Friday 2038
    [InlineData(HolidayRegion.Luxembourg, "2019-05-09")]
    [InlineData(HolidayRegion.Luxembourg, "2038-06-03")] // Ascension 2038
    [InlineData(HolidayRegion.Luxembourg, "2038-06-14")] // Whit Monday 2038
    public void Easter_based_holidays_move_with_Easter(HolidayRegion region, string date) =>
        HolidayCalendar.For(region).IsHoliday(D(date)).Should().BeTrue();

    [Fact]
    public void For_returns_one_shared_calendar_per_region_and_caches_years()
    {
        var calendar = HolidayCalendar.For(HolidayRegion.Luxembourg);

        HolidayCalendar.For(HolidayRegion.Luxembourg).Should().BeSameAs(calendar);
        calendar.Region.Should().Be(HolidayRegion.Luxembourg);
        calendar.HolidaysIn(2026).Should().BeSameAs(calendar.HolidaysIn(2026));
    }

    [Fact]
    public void HolidaysIn_cannot_be_mutated_by_callers()
    {
        var holidays = HolidayCalendar.For(HolidayRegion.France).HolidaysIn(2026);

        holidays.Should().NotBeAssignableTo<List<(DateOnly Date, string Name)>>();
    }

    [Fact]
    public void For_rejects_an_unknown_region()
    {
        var act = () => HolidayCalendar.For((HolidayRegion)42);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("region");
    }
}
