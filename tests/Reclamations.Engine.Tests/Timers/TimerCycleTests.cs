using Reclamations.Engine.Timers;

namespace Reclamations.Engine.Tests.Timers;

public sealed class TimerCycleTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void Parses_bounded_cycle_without_start() =>
        TimerCycle.Parse("R3/PT1H", Paris).Should().Be(new TimerCycle(3, null, IsoDuration.Parse("PT1H")));

    [Fact]
    public void Parses_unbounded_cycle() =>
        TimerCycle.Parse("R/PT10M", Paris).Should().Be(new TimerCycle(null, null, IsoDuration.Parse("PT10M")));

    [Fact]
    public void Parses_cycle_with_start_and_offset() =>
        TimerCycle.Parse("R/2026-01-01T09:00:00+01:00/P1D", Paris)
            .Should().Be(new TimerCycle(null, new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(1)), IsoDuration.Parse("P1D")));

    [Fact]
    public void Start_without_offset_is_zone_local_time()
    {
        var cycle = TimerCycle.Parse("R5/2026-07-01T09:00/PT1H", Paris);

        cycle.Repetitions.Should().Be(5);
        cycle.Start.Should().Be(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(2)));
        cycle.Start!.Value.Offset.Should().Be(TimeSpan.FromHours(2));
    }

    [Theory]
    [InlineData("R3/PT1H")]
    [InlineData("R/P1D")]
    [InlineData("R2/2026-01-01T09:00:00+01:00/P1D")]
    public void Formats_back_to_iso(string text) =>
        TimerCycle.Parse(text, Paris).ToString().Should().Be(text);

    [Theory]
    [InlineData("PT1H", "R[n]")]
    [InlineData("R3", "R[n]")]
    [InlineData("RX/PT1H", "R[n]")]
    [InlineData("R-1/PT1H", "R[n]")]
    [InlineData("R3/PT1H/P1D/x", "R[n]")]
    [InlineData("R3/tomorrow/PT1H", "'tomorrow' is not an ISO 8601 date-time")]
    [InlineData("R3/1 hour", "'1 hour' is not an ISO 8601 duration")]
    [InlineData("R/PT0S", "must not be zero")]
    public void Rejects_invalid_cycles_naming_the_text(string text, string reason) =>
        FluentActions.Invoking(() => TimerCycle.Parse(text, Paris))
            .Should().Throw<FormatException>().WithMessage($"'{text}' is not a valid ISO 8601 timer cycle*{reason}*");
}
