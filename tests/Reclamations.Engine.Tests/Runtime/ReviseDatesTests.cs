using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class ReviseDatesTests
{
    private static readonly Actor Staff = new("jean", ["Staff"]);
    private static readonly Actor Reviewer = new("rita", ["Reviewer"]);

    // A watch on a stored date (an event subprocess, as the complaint process watches its deadlines from registration),
    // a task due on another stored date, and a duration timer that must keep its date.
    private static readonly string AnswerDue = "${ answerDueAt }";

    private static readonly string Watched = Process("p", $"""
        <startEvent id="s" />
        <userTask id="answer" camunda:dueDate="{AnswerDue}" />
        <endEvent id="e" />
        <boundaryEvent id="wait" attachedToRef="answer" cancelActivity="false">{Timer("timeDuration", "P10D")}</boundaryEvent>
        <endEvent id="waitEnd" />
        <subProcess id="watch" triggeredByEvent="true">
          <startEvent id="due" isInterrupting="false">{Timer("timeDate", AnswerDue)}</startEvent>
          <userTask id="late" />
          {Chain("due", "late")}
        </subProcess>
        """ + Chain("s", "answer", "e") + Flow("wait", "waitEnd"));

    [Fact]
    public async Task Revised_dates_move_the_date_timers_and_the_due_dates_in_one_audited_step()
    {
        await using var h = await EngineHarness.StartAsync(options: o => o.OperatorProtectedVariables = new HashSet<string> { "answerDueAt" });
        await h.DeployAsync(Watched);
        var started = await h.StartAsync("p", Vars.Of(("answerDueAt", EngineHarness.Epoch.AddDays(20))));
        var calledInTransaction = false;

        await h.Engine.ReviseDatesAsync(started.Id, t =>
        {
            calledInTransaction = t.Transaction is not null;
            return Task.FromResult<IReadOnlyDictionary<string, object?>>(Vars.Of(("answerDueAt", EngineHarness.Epoch.AddDays(5))));
        }, Staff);

        calledInTransaction.Should().BeTrue();
        var jobs = await h.Engine.GetJobsAsync(started.Id);
        jobs.Should().ContainSingle(j => j.ActivityId == "due").Which.DueAt.Should().Be(EngineHarness.Epoch.AddDays(5));
        jobs.Should().ContainSingle(j => j.ActivityId == "wait").Which.DueAt.Should().Be(EngineHarness.Epoch.AddDays(10), "a duration counts from its start");
        (await h.SingleTaskAsync(started.Id, "answer")).DueDate.Should().Be(EngineHarness.Epoch.AddDays(5));
        var history = await h.Engine.GetHistoryAsync(started.Id, Actor.System);
        history.Should().ContainSingle(e => e.EventType == "TimerRescheduled").Which.UserId.Should().Be("jean");
        history.Should().ContainSingle(e => e.EventType == "TaskDueDateChanged");

        (await h.AdvanceAsync(TimeSpan.FromDays(5))).Should().BeGreaterThan(0);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Contain("late");
    }

    [Fact]
    public async Task Only_stored_regulatory_dates_may_be_revised_and_a_refusal_changes_nothing()
    {
        await using var h = await EngineHarness.StartAsync(options: o => o.OperatorProtectedVariables = new HashSet<string> { "answerDueAt" });
        await h.DeployAsync(Watched);
        var started = await h.StartAsync("p", Vars.Of(("answerDueAt", EngineHarness.Epoch.AddDays(20))));
        var wrote = false;

        await FluentActions.Awaiting(() => h.Engine.ReviseDatesAsync(started.Id, _ =>
            {
                wrote = true;
                return Task.FromResult<IReadOnlyDictionary<string, object?>>(Vars.Of(("answerDueAt", EngineHarness.Epoch), ("reviewer", "me")));
            }, Staff))
            .Should().ThrowAsync<RejectedException>().WithMessage("*'reviewer'*not a stored regulatory date*");
        await FluentActions.Awaiting(() => h.Engine.ReviseDatesAsync(started.Id,
                _ => Task.FromResult<IReadOnlyDictionary<string, object?>>(Vars.Of(("answerDueAt", EngineHarness.Epoch))), Reviewer))
            .Should().ThrowAsync<ForbiddenException>().WithMessage("*'rita'*");

        wrote.Should().BeTrue();
        (await h.InstanceAsync(started.Id)).Variables["answerDueAt"].Should().Be(EngineHarness.Epoch.AddDays(20));
        (await h.Engine.GetJobsAsync(started.Id)).Single(j => j.ActivityId == "due").DueAt.Should().Be(EngineHarness.Epoch.AddDays(20));
    }
}
