using Reclamations.Domain.Calendars;
using static Reclamations.Domain.Tests.TestDates;

namespace Reclamations.Domain.Tests.Calendars;

public sealed class DateArithmeticTests
{
    [Theory]
    [InlineData("2026-01-15", 0, "2026-01-15")]
    [InlineData("2026-04-28", 2, "2026-06-28")]
    [InlineData("2026-12-31", 1, "2027-01-31")]
    [InlineData("2026-12-31", 2, "2027-02-28")]
    [InlineData("2027-12-31", 2, "2028-02-29")] // leap year
    [InlineData("2026-03-31", 1, "2026-04-30")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2028-01-31", 1, "2028-02-29")]
    [InlineData("2028-01-30", 1, "2028-02-29")]
    [InlineData("2028-01-29", 1, "2028-02-29")]
    [InlineData("2028-01-28", 1, "2028-02-28")]
    [InlineData("2028-02-29", 12, "2029-02-28")]
    [InlineData("2028-02-29", 48, "2032-02-29")]
    [InlineData("2028-02-29", 1, "2028-03-29")] // no "end of month stays end of month"
    [InlineData("2026-08-31", 1, "2026-09-30")]
    [InlineData("2026-11-30", 3, "2027-02-28")]
    [InlineData("2026-10-31", 12, "2027-10-31")]
    [InlineData("2100-01-31", 1, "2100-02-28")] // century, not a leap year
    [InlineData("2000-01-31", 1, "2000-02-29")] // divisible by 400, a leap year
    [InlineData("2026-05-31", -1, "2026-04-30")]
    [InlineData("2026-03-31", -1, "2026-02-28")]
    [InlineData("2026-01-31", -2, "2025-11-30")]
    public void AddMonths_clamps_to_the_last_day_of_the_month(string date, int months, string expected) =>
        DateArithmetic.AddMonths(D(date), months).Should().Be(D(expected));

    [Theory]
    [InlineData("2026-12-20", 30, "2027-01-19")]
    [InlineData("2026-12-20", 90, "2027-03-20")]
    [InlineData("2027-12-20", 90, "2028-03-19")] // leap year
    [InlineData("2028-02-28", 1, "2028-02-29")]
    [InlineData("2027-02-28", 1, "2027-03-01")]
    [InlineData("2026-01-01", -1, "2025-12-31")]
    [InlineData("2026-06-28", 0, "2026-06-28")] // a Sunday stays a Sunday: no extension
    public void AddDays(string date, int days, string expected) =>
        DateArithmetic.AddDays(D(date), days).Should().Be(D(expected));
}
