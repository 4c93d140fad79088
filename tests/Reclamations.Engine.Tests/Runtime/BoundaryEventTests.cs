using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Timer and message boundary events on a user task, interrupting and non-interrupting.</summary>
public sealed class BoundaryEventTests
{
    /// <summary>s → t → done; a boundary event on t → (interrupting: user task "late" | non-interrupting: notify handler → end).</summary>
    private static string WithBoundary(string definition, bool interrupting) => Process("p", $"""
        <startEvent id="s" />
        <userTask id="t" />
        <endEvent id="done" />
        <boundaryEvent id="b" attachedToRef="t" cancelActivity="{(interrupting ? "true" : "false")}">{definition}</boundaryEvent>
        """ + (interrupting
            ? """<userTask id="late" /><endEvent id="lateEnd" />""" + Chain("b", "late", "lateEnd")
            : """<serviceTask id="tell" camunda:type="external" camunda:topic="notify" /><endEvent id="tellEnd" />""" + Chain("b", "tell", "tellEnd"))
        + Chain("s", "t", "done"));

    private const string MessageDefinition = """<messageEventDefinition messageRef="Msg_Reply" />""";

    [Fact]
    public async Task Interrupting_timer_cancels_the_user_task_and_takes_the_boundary_path()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WithBoundary(Timer("timeDuration", "PT1H"), interrupting: true));
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id, "t");

        (await h.AdvanceAsync(TimeSpan.FromMinutes(59))).Should().Be(0);
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);

        (await h.AdvanceAsync(TimeSpan.FromMinutes(1))).Should().Be(1);

        var instance = await h.InstanceAsync(started.Id);
        instance.ActiveActivityIds.Should().Equal("late");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("late");
        var history = await h.Engine.GetHistoryAsync(started.Id, Actor.System);
        history.Should().ContainSingle(e => e.EventType == "TaskDeleted" && e.TaskId == task.Id);
        history.Should().NotContain(e => e.EventType == "TaskCompleted");
        (await h.HistoryAsync(started.Id, "TimerFired")).Should().Equal("b");
        var completeCancelled = () => h.Engine.CompleteTaskAsync(task.Id, null, Actor.System);
        await completeCancelled.Should().ThrowAsync<ConflictException>().WithMessage("*cancelled*");

        await h.CompleteAsync(started.Id, "late");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().NotContain("done").And.Contain("lateEnd");
    }

    [Fact]
    public async Task Non_interrupting_timer_keeps_the_user_task_and_runs_a_parallel_path()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WithBoundary(Timer("timeDuration", "PT1H"), interrupting: false));
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id, "t");

        (await h.AdvanceAsync(TimeSpan.FromMinutes(59))).Should().Be(0);
        h.Script.CallsTo("notify").Should().Be(0);
        (await h.AdvanceAsync(TimeSpan.FromMinutes(1))).Should().Be(1);

        h.Script.CallsTo("notify").Should().Be(1);
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("t");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Contain(["b", "tell", "tellEnd"]);
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty("a duration timer fires once");

        await h.Engine.CompleteTaskAsync(task.Id, null, Actor.System);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task Completing_the_task_first_removes_its_boundary_timer()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WithBoundary(Timer("timeDuration", "PT1H"), interrupting: true));
        var started = await h.StartAsync("p");
        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle();

        await h.CompleteAsync(started.Id, "t");

        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.AdvanceAsync(TimeSpan.FromHours(2))).Should().Be(0);
    }

    [Fact]
    public async Task Interrupting_message_cancels_the_user_task_and_takes_the_boundary_path()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WithBoundary(MessageDefinition, interrupting: true));
        var started = await h.StartAsync("p", businessKey: "REC-1");
        var task = await h.SingleTaskAsync(started.Id, "t");

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, Vars.Of(("answer", "withdrawn")), Actor.System)).Should().Be(1);

        var instance = await h.InstanceAsync(started.Id);
        instance.ActiveActivityIds.Should().Equal("late");
        instance.Variables.Should().Contain("answer", "withdrawn");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("late");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "TaskDeleted" && e.TaskId == task.Id);
        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, null, Actor.System)).Should().Be(0, "the boundary subscription went with the task");
    }

    [Fact]
    public async Task Non_interrupting_message_keeps_the_user_task_and_can_fire_again()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WithBoundary(MessageDefinition, interrupting: false));
        var started = await h.StartAsync("p", businessKey: "REC-1");
        var task = await h.SingleTaskAsync(started.Id, "t");

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, null, Actor.System)).Should().Be(1);
        h.Script.CallsTo("notify").Should().Be(1);
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("t");

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, null, Actor.System)).Should().Be(1);
        h.Script.CallsTo("notify").Should().Be(2);

        await h.Engine.CompleteTaskAsync(task.Id, null, Actor.System);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, null, Actor.System)).Should().Be(0);
    }
    [Fact]
    public async Task Interrupting_timer_on_a_subprocess_cancels_everything_waiting_inside_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <subProcess id="sub">
              <startEvent id="ss" />
              <parallelGateway id="fork" />
              <userTask id="inner" />
              <receiveTask id="reply" messageRef="Msg_Reply" />
              <intermediateCatchEvent id="pause">{Timer("timeDuration", "P30D")}</intermediateCatchEvent>
              <parallelGateway id="join" />
              <endEvent id="se" />
              {Chain("ss", "fork")}{Chain("fork", "inner", "join")}{Chain("fork", "reply", "join")}{Chain("fork", "pause", "join")}{Chain("join", "se")}
            </subProcess>
            <boundaryEvent id="tooLong" attachedToRef="sub">{Timer("timeDuration", "P10D")}</boundaryEvent>
            <userTask id="after" />
            <userTask id="timedOut" />
            """ + Chain("s", "sub", "after") + Chain("tooLong", "timedOut")));
        var started = await h.StartAsync("p", businessKey: "REC-1");
        started.ActiveActivityIds.Should().BeEquivalentTo(["inner", "reply", "pause"]);
        (await h.Engine.GetJobsAsync(started.Id)).Should().HaveCount(2);

        (await h.AdvanceAsync(TimeSpan.FromDays(10))).Should().Be(1);

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("timedOut");
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("timedOut");
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, null, Actor.System)).Should().Be(0);
        (await h.HistoryAsync(started.Id, "ActivityCancelled")).Should().Contain(["inner", "reply", "pause", "sub"]);
        (await h.AdvanceAsync(TimeSpan.FromDays(30))).Should().Be(0);
    }
}
