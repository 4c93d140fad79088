using Reclamations.Domain.Calendars;
using static Reclamations.Domain.Tests.TestDates;

namespace Reclamations.Domain.Tests.Calendars;

public sealed class WorkingDayCalendarTests
{
    private const CalendarKind Ouvrables = CalendarKind.JoursOuvrables;
    private const CalendarKind Ouvres = CalendarKind.JoursOuvres;
    private const HolidayRegion France = HolidayRegion.France;
    private const HolidayRegion Alsace = HolidayRegion.FranceAlsaceMoselle;
    private const HolidayRegion Luxembourg = HolidayRegion.Luxembourg;

    [Theory]
    [InlineData(Ouvrables, France, "2026-05-02", true)]  // Saturday
    [InlineData(Ouvres, France, "2026-05-02", false)]    // Saturday
    [InlineData(Ouvrables, France, "2026-05-03", false)] // Sunday
    [InlineData(Ouvres, France, "2026-05-03", false)]    // Sunday
    [InlineData(Ouvrables, France, "2026-05-04", true)]  // Monday
    [InlineData(Ouvres, France, "2026-05-04", true)]     // Monday
    [InlineData(Ouvrables, France, "2026-05-01", false)] // Friday, Fête du Travail
    [InlineData(Ouvrables, France, "2026-05-08", false)] // Friday, Victoire 1945
    [InlineData(Ouvrables, Luxembourg, "2026-05-08", true)]
    [InlineData(Ouvrables, Luxembourg, "2026-05-09", false)] // Saturday, Journée de l'Europe
    [InlineData(Ouvrables, France, "2026-12-26", true)]  // Saturday after Christmas
    [InlineData(Ouvrables, Alsace, "2026-12-26", false)] // Saint-Étienne
    [InlineData(Ouvrables, France, "2026-04-03", true)]  // Good Friday
    [InlineData(Ouvres, Alsace, "2026-04-03", false)]    // Good Friday in Alsace-Moselle
    public void IsWorkingDay(CalendarKind kind, HolidayRegion region, string date, bool expected) =>
        new WorkingDayCalendar(kind, region).IsWorkingDay(D(date)).Should().Be(expected);

    [Theory]
    // Zero: the start itself, even on a non-working day.
    [InlineData(Ouvrables, France, "2026-05-24", 0, "2026-05-24")]
    [InlineData(Ouvres, France, "2026-05-01", 0, "2026-05-01")]
    // Across Sundays.
    [InlineData(Ouvrables, France, "2026-01-03", 1, "2026-01-05")] // Sat -> Mon
    [InlineData(Ouvrables, France, "2026-01-02", 1, "2026-01-03")] // Fri -> Sat
    [InlineData(Ouvres, France, "2026-01-02", 1, "2026-01-05")]    // Fri -> Mon
    [InlineData(Ouvrables, France, "2026-01-05", 5, "2026-01-10")] // Mon -> Sat
    [InlineData(Ouvrables, France, "2026-01-05", 6, "2026-01-12")] // Mon -> next Mon
    [InlineData(Ouvres, France, "2026-01-05", 5, "2026-01-12")]
    // Easter.
    [InlineData(Ouvrables, France, "2026-04-04", 1, "2026-04-07")] // Sun, Easter Monday skipped
    [InlineData(Ouvrables, France, "2026-04-02", 1, "2026-04-03")]
    [InlineData(Ouvrables, Alsace, "2026-04-02", 1, "2026-04-04")] // Good Friday skipped
    [InlineData(Ouvres, Alsace, "2026-04-02", 1, "2026-04-07")]    // Fri, Sat, Sun, Mon skipped
    // 1 May and 8 May 2026 (Fridays).
    [InlineData(Ouvrables, France, "2026-04-30", 5, "2026-05-07")]
    [InlineData(Ouvrables, France, "2026-04-30", 6, "2026-05-09")]
    [InlineData(Ouvrables, Luxembourg, "2026-04-30", 6, "2026-05-08")]
    [InlineData(Ouvrables, Luxembourg, "2026-04-30", 7, "2026-05-11")] // 9 May is a holiday in LU
    [InlineData(Ouvres, France, "2026-04-30", 5, "2026-05-11")]
    [InlineData(Ouvrables, France, "2026-04-28", 10, "2026-05-12")]
    [InlineData(Ouvres, France, "2026-04-28", 10, "2026-05-15")]
    // Ascension (Thu 14 May 2026) and Whit Monday (25 May 2026) weeks.
    [InlineData(Ouvrables, France, "2026-05-13", 1, "2026-05-15")]
    [InlineData(Ouvrables, France, "2026-05-13", 3, "2026-05-18")]
    [InlineData(Ouvres, France, "2026-05-13", 2, "2026-05-18")]
    [InlineData(Ouvrables, France, "2026-05-23", 1, "2026-05-26")]
    [InlineData(Ouvres, France, "2026-05-22", 1, "2026-05-26")]
    [InlineData(Ouvrables, Luxembourg, "2026-05-13", 10, "2026-05-27")]
    // Luxembourg national day (Tue 23 June 2026).
    [InlineData(Ouvrables, France, "2026-06-22", 1, "2026-06-23")]
    [InlineData(Ouvrables, Luxembourg, "2026-06-22", 1, "2026-06-24")]
    // Christmas and year end.
    [InlineData(Ouvrables, France, "2026-12-24", 1, "2026-12-26")]
    [InlineData(Ouvrables, Alsace, "2026-12-24", 1, "2026-12-28")]
    [InlineData(Ouvrables, Luxembourg, "2026-12-24", 1, "2026-12-28")]
    [InlineData(Ouvres, France, "2026-12-24", 1, "2026-12-28")]
    [InlineData(Ouvrables, France, "2025-12-24", 5, "2025-12-31")]
    [InlineData(Ouvrables, France, "2025-12-24", 6, "2026-01-02")]
    [InlineData(Ouvrables, France, "2025-12-31", 1, "2026-01-02")]
    [InlineData(Ouvres, France, "2026-12-30", 2, "2027-01-04")]
    [InlineData(Ouvrables, Luxembourg, "2026-12-20", 10, "2027-01-04")]
    public void AddWorkingDays(CalendarKind kind, HolidayRegion region, string start, int count, string expected) =>
        new WorkingDayCalendar(kind, region).AddWorkingDays(D(start), count).Should().Be(D(expected));

    [Fact]
    public void AddWorkingDays_rejects_a_negative_count()
    {
        var act = () => new WorkingDayCalendar(Ouvrables, France).AddWorkingDays(D("2026-01-05"), -1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("count");
    }

    [Theory]
    [InlineData(Ouvrables, France, "2026-04-28", "2026-05-12", 10)]
    [InlineData(Ouvrables, France, "2026-05-12", "2026-04-28", -10)]
    [InlineData(Ouvres, France, "2026-04-28", "2026-05-15", 10)]
    [InlineData(Ouvrables, France, "2026-05-12", "2026-05-12", 0)]
    [InlineData(Ouvrables, France, "2026-04-30", "2026-05-01", 0)] // end on a holiday
    [InlineData(Ouvrables, France, "2026-04-30", "2026-05-02", 1)]
    [InlineData(Ouvrables, Luxembourg, "2026-12-20", "2027-01-04", 10)]
    // 2 Jan..31 Dec 2026: 260 weekdays less 8 weekday holidays; plus 52 Saturdays less 15 August.
    [InlineData(Ouvres, France, "2026-01-01", "2026-12-31", 252)]
    [InlineData(Ouvrables, France, "2026-01-01", "2026-12-31", 303)]
    public void WorkingDaysBetween_counts_start_excluded_end_included(
        CalendarKind kind, HolidayRegion region, string start, string end, int expected) =>
        new WorkingDayCalendar(kind, region).WorkingDaysBetween(D(start), D(end)).Should().Be(expected);

    [Theory]
    [InlineData(Ouvrables, France, "2025-12-20")]
    [InlineData(Ouvres, France, "2026-04-01")]
    [InlineData(Ouvrables, Alsace, "2026-12-19")]
    [InlineData(Ouvres, Luxembourg, "2026-05-01")]
    public void WorkingDaysBetween_is_the_inverse_of_AddWorkingDays(CalendarKind kind, HolidayRegion region, string start)
    {
        var calendar = new WorkingDayCalendar(kind, region);

        for (var n = 0; n <= 60; n++)
        {
            var end = calendar.AddWorkingDays(D(start), n);

            calendar.WorkingDaysBetween(D(start), end).Should().Be(n);
            if (n > 0)
            {
                calendar.IsWorkingDay(end).Should().BeTrue();
            }
        }
    }
}
