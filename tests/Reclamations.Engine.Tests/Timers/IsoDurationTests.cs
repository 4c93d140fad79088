using Reclamations.Engine.Timers;

namespace Reclamations.Engine.Tests.Timers;

public sealed class IsoDurationTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData("P10D", 0, 0, 0, 10, 0)]
    [InlineData("P2M", 0, 2, 0, 0, 0)]
    [InlineData("PT36H", 0, 0, 0, 0, 36 * 3600)]
    [InlineData("P1W", 0, 0, 1, 0, 0)]
    [InlineData("P1Y2M10DT2H30M", 1, 2, 0, 10, (2 * 3600) + (30 * 60))]
    [InlineData("PT0.5S", 0, 0, 0, 0, 0.5)]
    [InlineData("PT1,5M", 0, 0, 0, 0, 90)]
    [InlineData(" p3d ", 0, 0, 0, 3, 0)]
    public void Parses_iso_durations(string text, int years, int months, int weeks, int days, double seconds) =>
        IsoDuration.Parse(text).Should().Be(new IsoDuration(years, months, weeks, days, TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("10D")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P-1D")]
    [InlineData("P1.5D")]
    [InlineData("P99999999999D")]
    public void Rejects_invalid_durations_naming_the_text(string text) =>
        FluentActions.Invoking(() => IsoDuration.Parse(text))
            .Should().Throw<FormatException>().WithMessage($"'{text}' is not a valid ISO 8601 duration*");

    [Theory]
    [InlineData("P1Y2M10DT2H30M")]
    [InlineData("PT36H")]
    [InlineData("PT0.5S")]
    [InlineData("P1W")]
    public void Formats_back_to_iso(string text) =>
        IsoDuration.Parse(text).ToString().Should().Be(text);

    [Fact]
    public void Adds_days_in_local_calendar()
    {
        var from = new DateTimeOffset(2026, 5, 14, 9, 0, 0, TimeSpan.FromHours(2));

        IsoDuration.Parse("P10D").AddTo(from, Paris).Should().Be(new DateTimeOffset(2026, 5, 24, 9, 0, 0, TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData(2026, 2, 28)]
    [InlineData(2028, 2, 29)]
    public void Month_addition_clamps_to_the_last_day_of_the_month(int year, int month, int day)
    {
        var from = new DateTimeOffset(year, 1, 31, 10, 0, 0, TimeSpan.FromHours(1));

        IsoDuration.Parse("P1M").AddTo(from, Paris).Should().Be(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Calendar_day_across_spring_dst_change_keeps_wall_clock_time()
    {
        // Europe/Paris switches to summer time on 2026-03-29 at 02:00.
        var from = new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.FromHours(1));

        var result = IsoDuration.Parse("P1D").AddTo(from, Paris);

        result.Should().Be(new DateTimeOffset(2026, 3, 29, 9, 0, 0, TimeSpan.FromHours(2)));
        result.Offset.Should().Be(TimeSpan.FromHours(2));
        (result - from).Should().Be(TimeSpan.FromHours(23));
    }

    [Fact]
    public void Hours_across_spring_dst_change_are_elapsed_time()
    {
        var from = new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.FromHours(1));

        var result = IsoDuration.Parse("PT24H").AddTo(from, Paris);

        result.Should().Be(new DateTimeOffset(2026, 3, 29, 10, 0, 0, TimeSpan.FromHours(2)));
        result.Offset.Should().Be(TimeSpan.FromHours(2));
    }

    [Fact]
    public void Calendar_day_landing_in_dst_gap_moves_forward()
    {
        var from = new DateTimeOffset(2026, 3, 28, 2, 30, 0, TimeSpan.FromHours(1));

        IsoDuration.Parse("P1D").AddTo(from, Paris).Should().Be(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Calendar_day_across_autumn_dst_change_keeps_wall_clock_time()
    {
        // Europe/Paris returns to standard time on 2026-10-25 at 03:00.
        var from = new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.FromHours(2));

        var result = IsoDuration.Parse("P1D").AddTo(from, Paris);

        result.Should().Be(new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.FromHours(1)));
        (result - from).Should().Be(TimeSpan.FromHours(25));
    }

    [Fact]
    public void Result_is_expressed_in_the_zone_offset()
    {
        var from = new DateTimeOffset(2026, 5, 14, 7, 0, 0, TimeSpan.Zero);

        var result = IsoDuration.Parse("P1DT2H").AddTo(from, Paris);

        result.Should().Be(new DateTimeOffset(2026, 5, 15, 11, 0, 0, TimeSpan.FromHours(2)));
        result.Offset.Should().Be(TimeSpan.FromHours(2));
    }
}
