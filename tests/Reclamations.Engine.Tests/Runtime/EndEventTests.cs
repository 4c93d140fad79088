using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>None, terminate and error end events.</summary>
public sealed class EndEventTests
{
    [Fact]
    public async Task None_end_event_ends_its_token_and_the_last_one_completes_the_instance()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <parallelGateway id="fork" />
            <userTask id="t1" />
            <userTask id="t2" />
            <endEvent id="e1" />
            <endEvent id="e2" />
            """ + Chain("s", "fork") + Chain("fork", "t1", "e1") + Chain("fork", "t2", "e2")));
        var started = await h.StartAsync("p");

        await h.CompleteAsync(started.Id, "t1");
        var half = await h.InstanceAsync(started.Id);
        half.State.Should().Be("Active");
        half.ActiveActivityIds.Should().Equal("t2");

        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.CompleteAsync(started.Id, "t2");
        var ended = await h.InstanceAsync(started.Id);
        ended.State.Should().Be("Completed");
        ended.ActiveActivityIds.Should().BeEmpty();
        ended.EndedAt.Should().Be(EngineHarness.Epoch.AddHours(1));
        (await h.HistoryAsync(started.Id, "ProcessCompleted")).Should().ContainSingle();
    }

    [Fact]
    public async Task Terminate_end_event_at_top_level_ends_the_instance_as_terminated_with_everything_else_gone()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <parallelGateway id="fork" />
            <userTask id="slow" />
            <userTask id="fast" />
            <intermediateCatchEvent id="wait">{Timer("timeDuration", "P5D")}</intermediateCatchEvent>
            <endEvent id="slowEnd" />
            <endEvent id="waitEnd" />
            <endEvent id="kill"><terminateEventDefinition /></endEvent>
            """ + Chain("s", "fork") + Chain("fork", "slow", "slowEnd") + Chain("fork", "fast", "kill") + Chain("fork", "wait", "waitEnd")));
        var started = await h.StartAsync("p", businessKey: "REC-1");
        started.ActiveActivityIds.Should().BeEquivalentTo(["slow", "fast", "wait"]);
        var slow = await h.SingleTaskAsync(started.Id, "slow");

        await h.CompleteAsync(started.Id, "fast");

        var ended = await h.InstanceAsync(started.Id);
        ended.State.Should().Be("Terminated");
        ended.EndedAt.Should().NotBeNull();
        ended.ActiveActivityIds.Should().BeEmpty();
        (await h.TasksAsync(started.Id)).Should().BeEmpty();
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "TaskDeleted" && e.TaskId == slow.Id);
        (await h.HistoryAsync(started.Id, "ProcessTerminated")).Should().ContainSingle();
        (await h.HistoryAsync(started.Id, "ProcessCompleted")).Should().BeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromDays(6))).Should().Be(0);
    }

    [Fact]
    public async Task Terminate_end_event_inside_a_subprocess_ends_only_the_subprocess_which_then_leaves_normally()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <subProcess id="sub">
              <startEvent id="ss" />
              <parallelGateway id="fork" />
              <userTask id="slow" />
              <userTask id="fast" />
              <endEvent id="slowEnd" />
              <endEvent id="kill"><terminateEventDefinition /></endEvent>
              <sequenceFlow id="f1" sourceRef="ss" targetRef="fork" />
              <sequenceFlow id="f2" sourceRef="fork" targetRef="slow" />
              <sequenceFlow id="f3" sourceRef="fork" targetRef="fast" />
              <sequenceFlow id="f4" sourceRef="slow" targetRef="slowEnd" />
              <sequenceFlow id="f5" sourceRef="fast" targetRef="kill" />
            </subProcess>
            <userTask id="outside" />
            <userTask id="after" />
            <parallelGateway id="split" />
            <parallelGateway id="join" />
            <endEvent id="e" />
            """ + Chain("s", "split") + Chain("split", "sub", "join") + Chain("split", "outside", "join") + Chain("join", "after", "e")));
        var started = await h.StartAsync("p");
        started.ActiveActivityIds.Should().BeEquivalentTo(["slow", "fast", "outside"]);
        var slow = await h.SingleTaskAsync(started.Id, "slow");

        await h.CompleteAsync(started.Id, "fast");

        var instance = await h.InstanceAsync(started.Id);
        instance.State.Should().Be("Active");
        instance.ActiveActivityIds.Should().BeEquivalentTo(["join", "outside"]);
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("outside");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "TaskDeleted" && e.TaskId == slow.Id);
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Contain(["kill", "sub"]);
        (await h.HistoryAsync(started.Id, "ProcessTerminated")).Should().BeEmpty();

        await h.CompleteAsync(started.Id, "outside");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
        await h.CompleteAsync(started.Id, "after");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task Error_end_event_nobody_catches_ends_its_token()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t" />
            <endEvent id="broken"><errorEventDefinition errorRef="Err_Fail" /></endEvent>
            """ + Chain("s", "t", "broken")));
        var started = await h.StartAsync("p");

        await h.CompleteAsync(started.Id, "t");

        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "t", "broken");
    }
    [Fact]
    public async Task Message_end_event_with_a_topic_calls_its_handler_then_ends()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t" />
            <endEvent id="told"><messageEventDefinition messageRef="Msg_Go" camunda:type="external" camunda:topic="send-mail" /></endEvent>
            """ + Chain("s", "t", "told")));
        var started = await h.StartAsync("p", Vars.Of(("client", "Dupont")));
        h.Script.CallsTo("send-mail").Should().Be(0);

        await h.CompleteAsync(started.Id, "t");

        h.Script.CallsTo("send-mail").Should().Be(1);
        h.Script.Calls.Single().Variables.Should().Contain("client", "Dupont");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "t", "told");
    }
    [Fact]
    public async Task Terminate_end_event_inside_a_non_interrupting_event_subprocess_ends_only_that_event_subprocess()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" />
            <endEvent id="e" />
            <subProcess id="events" triggeredByEvent="true">
              <startEvent id="es" isInterrupting="false"><messageEventDefinition messageRef="Msg_Press" /></startEvent>
              <parallelGateway id="fork" />
              <userTask id="draft" />
              <endEvent id="draftEnd" />
              <endEvent id="kill"><terminateEventDefinition /></endEvent>
              {Chain("es", "fork")}{Chain("fork", "draft", "draftEnd")}{Chain("fork", "kill")}
            </subProcess>
            """ + Chain("s", "t", "e")));
        var started = await h.StartAsync("p", businessKey: "REC-1");
        var task = await h.SingleTaskAsync(started.Id, "t");

        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(1);

        var instance = await h.InstanceAsync(started.Id);
        instance.State.Should().Be("Active");
        instance.ActiveActivityIds.Should().Equal("t");
        (await h.TasksAsync(started.Id)).Should().ContainSingle().Which.Id.Should().Be(task.Id);
        (await h.HistoryAsync(started.Id, "TaskDeleted")).Should().Equal("draft");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Contain(["kill", "events"]);
        await h.Engine.CompleteTaskAsync(task.Id, null, Actor.System);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }
}
