using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class JobDueDateAndRetryTests
{
    private static readonly Actor Operator = new("ops", ["Admin"]);
    private static readonly Actor Staff = new("jean", ["Staff"]);

    private static readonly string Deadline = Process("p", $"""
        <startEvent id="s" />
        <intermediateCatchEvent id="deadline">{Timer("timeDuration", "P10D")}</intermediateCatchEvent>
        <userTask id="after" />
        """ + Chain("s", "deadline", "after"));

    [Fact]
    public async Task An_operator_moves_a_timer_and_the_move_is_audited_without_touching_the_process_dates()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Deadline);
        var answerBy = EngineHarness.Epoch.AddMonths(2);
        var started = await h.StartAsync("p", Vars.Of(("answerDeadline", answerBy)));
        var job = (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Subject;
        job.DueAt.Should().Be(EngineHarness.Epoch.AddDays(10));

        await h.Engine.SetJobDueDateAsync(job.Id, EngineHarness.Epoch.AddDays(1), Operator);

        (await h.Engine.GetJobsAsync(started.Id)).Single().DueAt.Should().Be(EngineHarness.Epoch.AddDays(1));
        var moved = (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "JobDueDateChanged").Subject;
        moved.UserId.Should().Be("ops");
        moved.ActivityId.Should().Be("deadline");
        moved.Details.Should().Contain("2026-03-12T08:00:00Z -> 2026-03-03T08:00:00Z");
        (await h.InstanceAsync(started.Id)).Variables["answerDeadline"].Should().Be(answerBy);

        (await h.AdvanceAsync(TimeSpan.FromDays(1))).Should().Be(1);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
    }

    [Fact]
    public async Task Someone_who_is_not_an_operator_may_not_move_a_job_and_nothing_changes()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Deadline);
        var started = await h.StartAsync("p");
        var job = (await h.Engine.GetJobsAsync(started.Id)).Single();

        await FluentActions.Awaiting(() => h.Engine.SetJobDueDateAsync(job.Id, EngineHarness.Epoch, Staff))
            .Should().ThrowAsync<ForbiddenException>().WithMessage("*operator*Admin*'jean'*");

        (await h.Engine.GetJobsAsync(started.Id)).Single().DueAt.Should().Be(job.DueAt);
        (await h.HistoryAsync(started.Id, "JobDueDateChanged")).Should().BeEmpty();
    }

    [Fact]
    public async Task The_operator_groups_come_from_the_options()
    {
        await using var h = await EngineHarness.StartAsync(options: o => o.OperatorGroups = ["Ops"]);
        await h.DeployAsync(Deadline);
        var started = await h.StartAsync("p");
        var job = (await h.Engine.GetJobsAsync(started.Id)).Single();

        await FluentActions.Awaiting(() => h.Engine.SetJobDueDateAsync(job.Id, EngineHarness.Epoch, Operator))
            .Should().ThrowAsync<ForbiddenException>();
        await h.Engine.SetJobDueDateAsync(job.Id, EngineHarness.Epoch.AddDays(2), new Actor("night-shift", ["Ops"]));

        (await h.Engine.GetJobsAsync(started.Id)).Single().DueAt.Should().Be(EngineHarness.Epoch.AddDays(2));
    }

    [Fact]
    public async Task Moving_an_unknown_job_is_not_found()
    {
        await using var h = await EngineHarness.StartAsync();
        await FluentActions.Awaiting(() => h.Engine.SetJobDueDateAsync(Guid.NewGuid(), EngineHarness.Epoch, Operator))
            .Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task A_job_locked_by_a_node_cannot_be_moved_while_it_runs()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Deadline);
        var started = await h.StartAsync("p");
        h.Clock.Advance(TimeSpan.FromDays(10));
        var locked = (await h.Engine.AcquireJobsAsync(CancellationToken.None)).Single();

        await FluentActions.Awaiting(() => h.Engine.SetJobDueDateAsync(locked.Id, EngineHarness.Epoch.AddDays(20), Operator))
            .Should().ThrowAsync<ConflictException>().WithMessage("*being executed by node 'test-node'*");
        (await h.Engine.GetJobsAsync(started.Id)).Single().DueAt.Should().Be(EngineHarness.Epoch.AddDays(10));
    }

    [Fact]
    public async Task Retrying_a_job_without_an_open_incident_is_a_conflict_and_changes_nothing()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Deadline);
        var started = await h.StartAsync("p");
        var job = (await h.Engine.GetJobsAsync(started.Id)).Single();

        await FluentActions.Awaiting(() => h.Engine.RetryJobAsync(job.Id, new Actor("ops", ["Admin"])))
            .Should().ThrowAsync<ConflictException>().WithMessage("*has no open incident*due-date*");

        var after = (await h.Engine.GetJobsAsync(started.Id)).Single();
        after.DueAt.Should().Be(job.DueAt);
        after.Retries.Should().Be(job.Retries);
        (await h.RunJobsAsync()).Should().Be(0, "the timer is not due: a refused retry did not make it due");
    }
}
