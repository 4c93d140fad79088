using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Intermediate catch timers (duration, date, cycle), literal and as <c>${ ... }</c>: never early, exactly on time.</summary>
public sealed class TimerEventTests
{
    private static readonly TimeSpan Paris = TimeSpan.FromHours(1);
    private static readonly TimeSpan ParisSummer = TimeSpan.FromHours(2);

    private static string CatchTimer(string kind, string value) => Process("p", $"""
        <startEvent id="s" />
        <intermediateCatchEvent id="wait">{Timer(kind, value)}</intermediateCatchEvent>
        <userTask id="after" />
        """ + Chain("s", "wait", "after"));

    /// <summary>Starts the catch-timer process at <paramref name="startAt"/> and checks the timer is due at
    /// <paramref name="due"/>: nothing happens one second before, the token moves on right at it.</summary>
    private static async Task AssertCatchTimerFiresExactlyAt(string kind, string value, DateTimeOffset startAt, DateTimeOffset due,
        Dictionary<string, object?>? variables = null)
    {
        await using var h = await EngineHarness.StartAsync();
        if (startAt != h.Clock.GetUtcNow()) h.Clock.SetUtcNow(startAt);
        await h.DeployAsync(CatchTimer(kind, value));
        var started = await h.StartAsync("p", variables);
        started.ActiveActivityIds.Should().Equal("wait");

        var job = (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Subject;
        job.Kind.Should().Be("Timer");
        job.DueAt.Should().Be(due);

        (await h.AdvanceAsync(due - h.Clock.GetUtcNow() - TimeSpan.FromSeconds(1))).Should().Be(0);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("wait");
        (await h.TasksAsync(started.Id)).Should().BeEmpty();

        (await h.AdvanceAsync(TimeSpan.FromSeconds(1))).Should().Be(1);
        h.Clock.GetUtcNow().Should().Be(due);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("after");
        (await h.HistoryAsync(started.Id, "TimerFired")).Should().Equal("wait");
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Duration_P10D_fires_ten_days_later(bool asExpression) =>
        AssertCatchTimerFiresExactlyAt("timeDuration", asExpression ? """${ "P" + days + "D" }""" : "P10D",
            EngineHarness.Epoch, EngineHarness.Epoch.AddDays(10), Vars.Of(("days", 10L)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Duration_P10D_counts_calendar_days_across_the_change_to_summer_time(bool asExpression) =>
        // 25 March 09:00 (UTC+1) + 10 days = 4 April 09:00 (UTC+2): 239 elapsed hours.
        AssertCatchTimerFiresExactlyAt("timeDuration", asExpression ? """${ "P" + days + "D" }""" : "P10D",
            new DateTimeOffset(2026, 3, 25, 9, 0, 0, Paris), new DateTimeOffset(2026, 4, 4, 9, 0, 0, ParisSummer), Vars.Of(("days", 10L)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Duration_PT36H_is_elapsed_time_even_across_the_change_to_summer_time(bool asExpression) =>
        AssertCatchTimerFiresExactlyAt("timeDuration", asExpression ? """${ "PT" + hours + "H" }""" : "PT36H",
            new DateTimeOffset(2026, 3, 28, 12, 0, 0, Paris), new DateTimeOffset(2026, 3, 28, 12, 0, 0, Paris).AddHours(36),
            Vars.Of(("hours", 36L)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Duration_P2M_from_the_31st_of_December_clamps_to_the_end_of_February(bool asExpression) =>
        AssertCatchTimerFiresExactlyAt("timeDuration", asExpression ? """${ "P" + months + "M" }""" : "P2M",
            new DateTimeOffset(2026, 12, 31, 10, 0, 0, Paris), new DateTimeOffset(2027, 2, 28, 10, 0, 0, Paris), Vars.Of(("months", 2L)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Date_with_offset_fires_at_that_instant(bool asExpression) =>
        AssertCatchTimerFiresExactlyAt("timeDate", asExpression ? "${ deadline }" : "2026-03-05T14:30:00+01:00",
            EngineHarness.Epoch, new DateTimeOffset(2026, 3, 5, 14, 30, 0, Paris), Vars.Of(("deadline", "2026-03-05T14:30:00+01:00")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Date_only_fires_at_local_midnight_in_Paris(bool asExpression) =>
        // 1 April 2026 is in summer time: midnight in Paris is 22:00 UTC the day before.
        AssertCatchTimerFiresExactlyAt("timeDate", asExpression ? """${ "2026-04-" + day }""" : "2026-04-01",
            EngineHarness.Epoch, new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero), Vars.Of(("day", "01")));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cycle_R3_PT1H_on_a_non_interrupting_boundary_fires_three_times_and_the_task_stays(bool asExpression)
    {
        await using var h = await EngineHarness.StartAsync();
        var cycle = asExpression ? """${ "R" + times + "/PT1H" }""" : "R3/PT1H";
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" />
            <boundaryEvent id="remind" attachedToRef="t" cancelActivity="false">{Timer("timeCycle", cycle)}</boundaryEvent>
            <serviceTask id="mail" camunda:type="external" camunda:topic="send-mail" />
            <endEvent id="e1" />
            <endEvent id="e2" />
            """ + Chain("s", "t", "e1") + Chain("remind", "mail", "e2")));
        var started = await h.StartAsync("p", Vars.Of(("times", 3L)));

        await AssertCycleFiresThreeTimesAsync(h, started.Id, "send-mail");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("t");
        (await h.HistoryAsync(started.Id, "TimerFired")).Should().Equal("remind", "remind", "remind");
        await h.CompleteAsync(started.Id, "t");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Cycle_R3_PT1H_on_a_non_interrupting_event_subprocess_fires_three_times_and_the_main_flow_stays(bool asExpression)
    {
        await using var h = await EngineHarness.StartAsync();
        var cycle = asExpression ? """${ "R" + times + "/PT1H" }""" : "R3/PT1H";
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" />
            <endEvent id="e" />
            <subProcess id="reminders" triggeredByEvent="true">
              <startEvent id="rs" isInterrupting="false">{Timer("timeCycle", cycle)}</startEvent>
              <serviceTask id="mail" camunda:type="external" camunda:topic="send-mail" />
              <endEvent id="re" />
              {Chain("rs", "mail", "re")}
            </subProcess>
            """ + Chain("s", "t", "e")));
        var started = await h.StartAsync("p", Vars.Of(("times", 3L)));

        await AssertCycleFiresThreeTimesAsync(h, started.Id, "send-mail");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("t");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Where(a => a == "reminders").Should().HaveCount(3);
        await h.CompleteAsync(started.Id, "t");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    private static async Task AssertCycleFiresThreeTimesAsync(EngineHarness h, Guid instanceId, string topic)
    {
        var start = h.Clock.GetUtcNow();
        for (var i = 1; i <= 3; i++)
        {
            var job = (await h.Engine.GetJobsAsync(instanceId)).Should().ContainSingle().Subject;
            job.DueAt.Should().Be(start.AddHours(i));
            (await h.AdvanceAsync(start.AddHours(i) - h.Clock.GetUtcNow() - TimeSpan.FromSeconds(1))).Should().Be(0);
            h.Script.CallsTo(topic).Should().Be(i - 1);
            (await h.AdvanceAsync(TimeSpan.FromSeconds(1))).Should().Be(1);
            h.Script.CallsTo(topic).Should().Be(i);
        }
        (await h.Engine.GetJobsAsync(instanceId)).Should().BeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromDays(1))).Should().Be(0);
        h.Script.CallsTo(topic).Should().Be(3);
    }
    [Fact]
    public Task Date_from_a_date_variable_fires_at_that_instant() =>
        AssertCatchTimerFiresExactlyAt("timeDate", "${ deadline }", EngineHarness.Epoch, new DateTimeOffset(2026, 3, 20, 17, 0, 0, Paris),
            Vars.Of(("deadline", new DateTimeOffset(2026, 3, 20, 17, 0, 0, Paris))));

    [Fact]
    public async Task A_timer_expression_that_fails_makes_the_command_fail_and_changes_nothing()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(CatchTimer("timeDuration", """${ "P" + days + "D" }"""));

        var start = () => h.StartAsync("p", businessKey: "REC-1");

        await start.Should().ThrowAsync<Reclamations.Engine.Runtime.ProcessEngineException>().WithMessage("*wait*");
        (await h.Engine.FindProcessInstancesAsync("REC-1")).Should().BeEmpty();
        (await h.Engine.GetJobsAsync()).Should().BeEmpty();
    }
    [Fact]
    public async Task Cycle_with_a_local_start_date_keeps_the_wall_clock_time_across_the_change_to_summer_time()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" />
            <boundaryEvent id="daily" attachedToRef="t" cancelActivity="false">{Timer("timeCycle", "R3/2026-03-28T09:00/P1D")}</boundaryEvent>
            <serviceTask id="mail" camunda:type="external" camunda:topic="send-mail" />
            <endEvent id="me" />
            """ + Chain("s", "t") + Chain("daily", "mail", "me")));
        var started = await h.StartAsync("p");
        DateTimeOffset[] expected =
        [
            new(2026, 3, 28, 9, 0, 0, Paris),
            new(2026, 3, 29, 9, 0, 0, ParisSummer),
            new(2026, 3, 30, 9, 0, 0, ParisSummer),
        ];

        foreach (var due in expected)
        {
            (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Which.DueAt.Should().Be(due);
            (await h.AdvanceAsync(due - h.Clock.GetUtcNow() - TimeSpan.FromSeconds(1))).Should().Be(0);
            (await h.AdvanceAsync(TimeSpan.FromSeconds(1))).Should().Be(1);
        }

        h.Script.CallsTo("send-mail").Should().Be(3);
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("t");
    }
}
