using Reclamations.Domain.Deadlines;
using static Reclamations.Domain.Tests.TestDates;

namespace Reclamations.Domain.Tests.Deadlines;

public sealed class DeadlineCalculatorEndOfDayTests
{
    [Theory]
    [InlineData("2026-06-28", "Europe/Paris", "2026-06-29T00:00:00+02:00")]
    [InlineData("2026-12-31", "Europe/Paris", "2027-01-01T00:00:00+01:00")]
    [InlineData("2026-03-28", "Europe/Paris", "2026-03-29T00:00:00+01:00")] // the night before the spring switch
    [InlineData("2026-03-29", "Europe/Paris", "2026-03-30T00:00:00+02:00")] // the 23-hour day
    [InlineData("2026-10-24", "Europe/Paris", "2026-10-25T00:00:00+02:00")]
    [InlineData("2026-10-25", "Europe/Paris", "2026-10-26T00:00:00+01:00")] // the 25-hour day
    [InlineData("2027-01-19", "Europe/Luxembourg", "2027-01-20T00:00:00+01:00")]
    [InlineData("2026-06-28", "UTC", "2026-06-29T00:00:00+00:00")]
    [InlineData("2026-03-07", "America/Havana", "2026-03-08T01:00:00-04:00")] // midnight skipped: first instant of the day
    [InlineData("2026-10-31", "America/Havana", "2026-11-01T00:00:00-04:00")] // midnight repeated: its first occurrence
    public void EndOfDay_is_the_start_of_the_next_local_day(string date, string timeZoneId, string expected) =>
        DeadlineCalculator.EndOfDay(D(date), timeZoneId).Should().BeExactly(T(expected));

    [Theory]
    [InlineData("2026-03-29", 23)]
    [InlineData("2026-10-25", 25)]
    [InlineData("2026-06-28", 24)]
    public void EndOfDay_follows_the_length_of_the_local_day(string date, int hours)
    {
        var day = D(date);

        var length = DeadlineCalculator.EndOfDay(day, "Europe/Paris") - DeadlineCalculator.EndOfDay(day.AddDays(-1), "Europe/Paris");

        length.Should().Be(TimeSpan.FromHours(hours));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void EndOfDay_rejects_an_unknown_time_zone(string timeZoneId)
    {
        var act = () => DeadlineCalculator.EndOfDay(D("2026-06-28"), timeZoneId);

        act.Should().Throw<ArgumentException>().WithParameterName("timeZoneId");
    }
}
