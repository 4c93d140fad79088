using Reclamations.Engine.Timers;

namespace Reclamations.Engine.Tests.Timers;

public sealed class TimerDatesTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void Parses_date_time_with_offset() =>
        TimerDates.ParseDate("2026-05-14T09:30:00+02:00", Paris).Should().Be(new DateTimeOffset(2026, 5, 14, 9, 30, 0, TimeSpan.FromHours(2)));

    [Fact]
    public void Parses_utc_date_time_keeping_zero_offset()
    {
        var date = TimerDates.ParseDate("2026-05-14T07:30:00Z", Paris);

        date.Should().Be(new DateTimeOffset(2026, 5, 14, 7, 30, 0, TimeSpan.Zero));
        date.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Parses_fractional_seconds() =>
        TimerDates.ParseDate("2026-05-14T07:30:00.250Z", Paris).Millisecond.Should().Be(250);

    [Fact]
    public void Date_time_without_offset_is_zone_local()
    {
        var winter = TimerDates.ParseDate("2026-01-14T09:00", Paris);
        var summer = TimerDates.ParseDate("2026-07-14T09:00:00", Paris);

        winter.Should().Be(new DateTimeOffset(2026, 1, 14, 9, 0, 0, TimeSpan.FromHours(1)));
        summer.Offset.Should().Be(TimeSpan.FromHours(2));
        summer.Hour.Should().Be(9);
    }

    [Fact]
    public void Date_only_is_midnight_zone_local()
    {
        var date = TimerDates.ParseDate("2026-05-14", Paris);

        date.Should().Be(new DateTimeOffset(2026, 5, 14, 0, 0, 0, TimeSpan.FromHours(2)));
        date.Offset.Should().Be(TimeSpan.FromHours(2));
    }

    [Fact]
    public void Local_time_in_dst_gap_moves_forward() =>
        TimerDates.ParseDate("2026-03-29T02:30", Paris).Should().Be(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)));

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("2026-05-14T25:00")]
    [InlineData("2026-05-14 09:00")]
    [InlineData("14/05/2026")]
    [InlineData("2026-05-14T09:00+15:00")]
    public void Rejects_invalid_dates_naming_the_text(string text) =>
        FluentActions.Invoking(() => TimerDates.ParseDate(text, Paris))
            .Should().Throw<FormatException>().WithMessage($"'{text}' is not a valid ISO 8601 date*");
}
