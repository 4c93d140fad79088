using Reclamations.Engine.Timers;

namespace Reclamations.Engine.Tests.Timers;

public sealed class CycleScheduleTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private static List<DateTimeOffset> Firings(string text, DateTimeOffset now, int count)
    {
        var first = CycleSchedule.First(text, now, Paris) ?? throw new InvalidOperationException("no firing");
        var firings = new List<DateTimeOffset> { first.Due };
        var (stored, due, left) = first;
        while (firings.Count < count && CycleSchedule.Next(stored, due, left, due, Paris) is { } next)
        {
            firings.Add(next.Due);
            (due, left) = next;
        }
        return firings;
    }

    [Fact]
    public void Month_end_does_not_drift_the_nth_occurrence_is_start_plus_n_periods() =>
        Firings("R/2026-01-31T09:00/P1M", new DateTimeOffset(2026, 1, 1, 0, 0, 0, Winter), 5).Should().Equal(
            new DateTimeOffset(2026, 1, 31, 9, 0, 0, Winter),
            new DateTimeOffset(2026, 2, 28, 9, 0, 0, Winter),
            new DateTimeOffset(2026, 3, 31, 9, 0, 0, Summer),
            new DateTimeOffset(2026, 4, 30, 9, 0, 0, Summer),
            new DateTimeOffset(2026, 5, 31, 9, 0, 0, Summer));

    [Fact]
    public void A_cycle_without_start_is_anchored_where_it_was_scheduled_so_months_do_not_drift_either()
    {
        var scheduled = new DateTimeOffset(2026, 1, 31, 9, 0, 0, Winter);
        Firings("R3/P1M", scheduled, 10).Should().Equal(
            new DateTimeOffset(2026, 2, 28, 9, 0, 0, Winter),
            new DateTimeOffset(2026, 3, 31, 9, 0, 0, Summer),
            new DateTimeOffset(2026, 4, 30, 9, 0, 0, Summer));
        CycleSchedule.First("R3/P1M", scheduled, Paris)!.Value.Stored.Should().Be("R4/2026-01-31T09:00:00+01:00/P1M");
    }

    [Fact]
    public void A_start_in_the_past_fires_at_the_next_anchored_occurrence()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, Winter);
        var first = CycleSchedule.First("R/2026-01-01T08:30/P1D", now, Paris)!.Value;
        first.Due.Should().Be(new DateTimeOffset(2026, 3, 3, 8, 30, 0, Winter));
        first.Left.Should().BeNull();
    }

    [Fact]
    public void A_bounded_cycle_counts_the_occurrences_that_went_by()
    {
        var now = new DateTimeOffset(2026, 1, 3, 12, 0, 0, Winter);
        var first = CycleSchedule.First("R5/2026-01-01T09:00/P1D", now, Paris)!.Value;
        first.Due.Should().Be(new DateTimeOffset(2026, 1, 4, 9, 0, 0, Winter));
        first.Left.Should().Be(1, "occurrences 0-2 went by, this is the 4th of 5");
        CycleSchedule.First("R2/2026-01-01T09:00/P1D", now, Paris).Should().BeNull("both occurrences went by");
    }

    [Fact]
    public void After_downtime_the_next_firing_is_the_first_occurrence_after_now()
    {
        var first = CycleSchedule.First("R/2026-01-01T09:00/PT1H", new DateTimeOffset(2026, 1, 1, 0, 0, 0, Winter), Paris)!.Value;
        var firedLateAt = new DateTimeOffset(2026, 1, 2, 13, 20, 0, Winter);

        var next = CycleSchedule.Next(first.Stored, first.Due, first.Left, firedLateAt, Paris)!.Value;

        next.Due.Should().Be(new DateTimeOffset(2026, 1, 2, 14, 0, 0, Winter));
    }

    [Fact]
    public void A_job_stored_before_anchoring_carries_on_from_its_last_firing()
    {
        var due = new DateTimeOffset(2026, 1, 31, 9, 0, 0, Winter);
        var next = CycleSchedule.Next("R3/PT1H", due, repetitionsLeft: 1, due, Paris)!.Value;
        next.Due.Should().Be(due.AddHours(1));
        next.Left.Should().Be(0);
        CycleSchedule.Next("R3/PT1H", due.AddHours(1), repetitionsLeft: 0, due.AddHours(1), Paris).Should().BeNull();
    }

    [Fact]
    public void Quartz_cron_fires_on_weekdays_at_nine_local_time_across_the_spring_dst_change()
    {
        // Europe/Paris moves to summer time on Sunday 2026-03-29.
        Firings("0 0 9 ? * MON-FRI", new DateTimeOffset(2026, 3, 26, 10, 0, 0, Winter), 4).Should().Equal(
            new DateTimeOffset(2026, 3, 27, 9, 0, 0, Winter),
            new DateTimeOffset(2026, 3, 30, 9, 0, 0, Summer),
            new DateTimeOffset(2026, 3, 31, 9, 0, 0, Summer),
            new DateTimeOffset(2026, 4, 1, 9, 0, 0, Summer));
    }

    [Fact]
    public void Quartz_cron_fires_at_nine_local_time_across_the_autumn_dst_change() =>
        Firings("0 0 9 * * ?", new DateTimeOffset(2026, 10, 24, 10, 0, 0, Summer), 2).Should().Equal(
            new DateTimeOffset(2026, 10, 25, 9, 0, 0, Winter),
            new DateTimeOffset(2026, 10, 26, 9, 0, 0, Winter));

    [Theory]
    [InlineData("0 0 9 ? * 2-6", "0 0 9 ? * MON-FRI")]
    [InlineData("0 0 9 ? * 1", "0 0 9 ? * SUN")]
    [InlineData("0 0 9 ? * 7", "0 0 9 ? * SAT")]
    [InlineData("0 0 9 ? * 1,7", "0 0 9 ? * SAT,SUN")]
    [InlineData("0 0 9 ? * 6#3", "0 0 9 ? * FRI#3")]
    [InlineData("0 0 9 ? * 6L", "0 0 9 ? * FRIL")]
    [InlineData("0 0 9 ? * L", "0 0 9 ? * SAT")]
    [InlineData("0 0 9 ? * 2/2", "0 0 9 ? * MON,WED,FRI")]
    [InlineData("0 0 9 ? * MON-FRI *", "0 0 9 ? * MON-FRI")]
    public void Quartz_day_of_week_numbers_count_from_sunday(string quartz, string equivalent)
    {
        var from = new DateTimeOffset(2026, 3, 1, 0, 0, 0, Winter);
        Firings(quartz, from, 12).Should().Equal(Firings(equivalent, from, 12));
    }

    [Theory]
    [InlineData("0 0 9 * *", "expected 6 or 7 fields")]
    [InlineData("0 0 9 ? * MON-FRI 2027", "the year field '2027' is not supported")]
    [InlineData("0 0 9 ? * 8", "day-of-week 8 is out of range")]
    [InlineData("0 0 9 ? * 0", "day-of-week 0 is out of range")]
    [InlineData("0 61 9 ? * *", "")]
    public void Invalid_cron_expressions_are_refused_naming_the_text(string text, string reason) =>
        FluentActions.Invoking(() => QuartzCron.Parse(text))
            .Should().Throw<FormatException>().WithMessage($"'{text}' is not a valid cron expression*{reason}*");

    [Theory]
    [InlineData("R/PT30S", 30)]
    [InlineData("R/PT1M", 60)]
    [InlineData("R3/P1D", 23 * 3600)]
    [InlineData("* * * ? * *", 1)]
    [InlineData("0/20 * * ? * *", 20)]
    [InlineData("0 0 9 ? * MON-FRI", 86400)]
    public void The_shortest_period_of_a_cycle_is_known(string text, int seconds) =>
        CycleSchedule.ShortestPeriod(text, new DateTimeOffset(2026, 3, 2, 9, 0, 0, Winter), Paris)
            .Should().Be(TimeSpan.FromSeconds(seconds));
}
