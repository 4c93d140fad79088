using Reclamations.Engine.Api;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Timer cycles at run time: anchored occurrences, the period floor at deploy, downtime, Quartz cron.</summary>
public sealed class TimerCycleAnchorTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private static string Reminder(string cycle) => Process("p", $"""
        <startEvent id="s" />
        <userTask id="t" />
        <boundaryEvent id="remind" attachedToRef="t" cancelActivity="false">{Timer("timeCycle", cycle)}</boundaryEvent>
        <serviceTask id="mail" camunda:type="external" camunda:topic="send-mail" />
        <endEvent id="me" />
        """ + Chain("s", "t") + Chain("remind", "mail", "me"));

    /// <summary>Fires the instance's single job at its due time; returns the due times in order.</summary>
    private static async Task<List<DateTimeOffset>> FireAsync(EngineHarness h, Guid instanceId, int times)
    {
        var fired = new List<DateTimeOffset>();
        for (var i = 0; i < times; i++)
        {
            var due = (await h.Engine.GetJobsAsync(instanceId)).Should().ContainSingle().Subject.DueAt;
            (await h.AdvanceAsync(due - h.Clock.GetUtcNow())).Should().Be(1);
            fired.Add(due);
        }
        return fired;
    }

    [Fact]
    public async Task A_timer_start_cycle_with_a_start_in_the_past_waits_for_its_next_anchored_occurrence()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s">{Timer("timeCycle", "R/2026-01-01T08:30/P1D")}</startEvent>
            <userTask id="t" />
            """ + Chain("s", "t")));

        var job = (await h.Engine.GetJobsAsync()).Should().ContainSingle().Subject;
        job.DueAt.Should().Be(new DateTimeOffset(2026, 3, 3, 8, 30, 0, Winter), "not at deployment (2026-03-02 09:00), nor a day after it");
        (await h.RunJobsAsync()).Should().Be(0);
        (await h.AdvanceAsync(job.DueAt - h.Clock.GetUtcNow())).Should().Be(1);
        (await h.Engine.GetJobsAsync()).Should().ContainSingle().Which.DueAt.Should().Be(new DateTimeOffset(2026, 3, 4, 8, 30, 0, Winter));
    }

    [Fact]
    public async Task Monthly_reminders_keep_to_the_month_end()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Reminder("R4/2026-03-31T09:00/P1M"));
        var started = await h.StartAsync("p");

        (await FireAsync(h, started.Id, 4)).Should().Equal(
            new DateTimeOffset(2026, 3, 31, 9, 0, 0, Summer),
            new DateTimeOffset(2026, 4, 30, 9, 0, 0, Summer),
            new DateTimeOffset(2026, 5, 31, 9, 0, 0, Summer),
            new DateTimeOffset(2026, 6, 30, 9, 0, 0, Summer));
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty("four repetitions");
        h.Script.CallsTo("send-mail").Should().Be(4);
    }

    [Fact]
    public async Task An_anchored_cycle_missed_during_downtime_fires_once_then_keeps_its_anchor()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Reminder("R/2026-03-02T10:15/PT1H"));
        var started = await h.StartAsync("p");
        (await FireAsync(h, started.Id, 1)).Should().Equal(new DateTimeOffset(2026, 3, 2, 10, 15, 0, Winter));

        await h.RestartAsync();
        (await h.AdvanceAsync(TimeSpan.FromHours(30))).Should().Be(1, "29 missed occurrences fire once");

        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Which.DueAt
            .Should().Be(new DateTimeOffset(2026, 3, 3, 17, 15, 0, Winter), "the next occurrence on the anchor after now (16:15)");
        h.Script.CallsTo("send-mail").Should().Be(2);
    }

    [Fact]
    public async Task A_quartz_cron_reminder_fires_on_weekdays_at_nine_across_the_dst_change()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Clock.Advance(new DateTimeOffset(2026, 3, 26, 10, 0, 0, Winter) - h.Clock.GetUtcNow());
        await h.DeployAsync(Reminder("0 0 9 ? * MON-FRI"));
        var started = await h.StartAsync("p");

        (await FireAsync(h, started.Id, 3)).Should().Equal(
            new DateTimeOffset(2026, 3, 27, 9, 0, 0, Winter),
            new DateTimeOffset(2026, 3, 30, 9, 0, 0, Summer),
            new DateTimeOffset(2026, 3, 31, 9, 0, 0, Summer));
        h.Script.CallsTo("send-mail").Should().Be(3);
    }

    [Theory]
    [InlineData("R/PT30S", "fires every 30 s")]
    [InlineData("R5/2026-01-01T09:00/PT10S", "fires every 10 s")]
    [InlineData("0/5 * * ? * *", "fires every 5 s")]
    [InlineData("R/1 hour", "is not an ISO 8601 duration")]
    [InlineData("0 0 9 ? * 9", "day-of-week 9 is out of range")]
    public async Task A_cycle_under_the_floor_or_invalid_is_refused_at_deploy_naming_the_element(string cycle, string reason)
    {
        await using var h = await EngineHarness.StartAsync();

        var refusal = await FluentActions.Awaiting(() => h.DeployAsync(Reminder(cycle))).Should().ThrowAsync<BpmnValidationException>();

        refusal.Which.Errors.Should().ContainSingle().Which.ElementId.Should().Be("remind");
        refusal.Which.Errors[0].Message.Should().Contain("'remind'").And.Contain(reason);
        (await h.Engine.GetProcessDefinitionsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task The_floor_is_configurable()
    {
        await using var h = await EngineHarness.StartAsync(options: o => o.MinimumCyclePeriod = TimeSpan.FromHours(2));

        await FluentActions.Awaiting(() => h.DeployAsync(Reminder("R/PT1H"))).Should().ThrowAsync<BpmnValidationException>()
            .WithMessage("*minimum period of 120 min*");
        (await h.DeployAsync(Reminder("R/PT2H"))).IsNew.Should().BeTrue();
    }

    [Fact]
    public async Task A_cycle_from_an_expression_is_held_to_the_floor_when_evaluated()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Reminder("${cycle}"));

        await FluentActions.Awaiting(() => h.StartAsync("p", Vars.Of(("cycle", "R/PT5S"))))
            .Should().ThrowAsync<Reclamations.Engine.Runtime.ProcessEngineException>().WithMessage("*'remind'*fires every 5 s*");
        (await h.Engine.QueryTasksAsync(new TaskQuery(), Actor.System)).Should().BeEmpty();
    }
}
