using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Event subprocesses started by a message or a timer, interrupting or not, at top level and inside a subprocess.</summary>
public sealed class EventSubProcessTests
{
    /// <summary>s → t → e, plus an event subprocess whose start has <paramref name="definition"/>: interrupting → user task
    /// "handled"; non-interrupting → notify handler.</summary>
    private static string WithEventSubProcess(string definition, bool interrupting)
    {
        var body = interrupting
            ? """<userTask id="handled" /><endEvent id="ee" />""" + Chain("es", "handled", "ee")
            : """<serviceTask id="tell" camunda:type="external" camunda:topic="notify" /><endEvent id="ee" />""" + Chain("es", "tell", "ee");
        return Process("p", $"""
        <startEvent id="s" />
        <userTask id="t" />
        <endEvent id="e" />
        <subProcess id="events" triggeredByEvent="true">
          <startEvent id="es" isInterrupting="{(interrupting ? "true" : "false")}">{definition}</startEvent>
          {body}
        </subProcess>
        """ + Chain("s", "t", "e"));
    }

    private const string Press = """<messageEventDefinition messageRef="Msg_Press" />""";

    [Fact]
    public async Task Interrupting_message_event_subprocess_cancels_the_main_flow()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WithEventSubProcess(Press, interrupting: true));
        var started = await h.StartAsync("p", businessKey: "REC-1");
        var task = await h.SingleTaskAsync(started.Id, "t");

        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, Vars.Of(("journalist", "Le Monde")), Actor.System)).Should().Be(1);

        var instance = await h.InstanceAsync(started.Id);
        instance.ActiveActivityIds.Should().Equal("handled");
        instance.Variables.Should().Contain("journalist", "Le Monde");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("handled");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "TaskDeleted" && e.TaskId == task.Id);
        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(0, "an interrupting start fires once");

        await h.CompleteAsync(started.Id, "handled");
        var ended = await h.InstanceAsync(started.Id);
        ended.State.Should().Be("Completed");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Contain(["es", "handled", "ee", "events"]).And.NotContain("e");
    }

    [Fact]
    public async Task Non_interrupting_message_event_subprocess_runs_beside_the_main_flow()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WithEventSubProcess(Press, interrupting: false));
        var started = await h.StartAsync("p", businessKey: "REC-1");
        var task = await h.SingleTaskAsync(started.Id, "t");

        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(1);
        h.Script.CallsTo("notify").Should().Be(1);
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("t");

        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(1, "a non-interrupting start keeps listening");
        h.Script.CallsTo("notify").Should().Be(2);

        await h.Engine.CompleteTaskAsync(task.Id, null, Actor.System);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(0);
    }

    [Fact]
    public async Task Interrupting_timer_event_subprocess_cancels_the_main_flow_at_its_time()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WithEventSubProcess(Timer("timeDuration", "P2D"), interrupting: true));
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id, "t");

        (await h.AdvanceAsync(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1))).Should().Be(0);
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);
        (await h.AdvanceAsync(TimeSpan.FromSeconds(1))).Should().Be(1);

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("handled");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("handled");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "TaskDeleted" && e.TaskId == task.Id);
        (await h.HistoryAsync(started.Id, "TimerFired")).Should().Equal("es");
    }

    [Fact]
    public async Task Non_interrupting_timer_event_subprocess_runs_beside_the_main_flow()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WithEventSubProcess(Timer("timeDuration", "P2D"), interrupting: false));
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id, "t");

        (await h.AdvanceAsync(TimeSpan.FromDays(2))).Should().Be(1);

        h.Script.CallsTo("notify").Should().Be(1);
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("t");
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();

        await h.Engine.CompleteTaskAsync(task.Id, null, Actor.System);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task Completing_the_main_flow_first_withdraws_the_event_subprocess_triggers()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WithEventSubProcess(Timer("timeDuration", "P2D"), interrupting: true));
        var started = await h.StartAsync("p");
        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle();

        await h.CompleteAsync(started.Id, "t");

        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromDays(3))).Should().Be(0);
    }

    [Fact]
    public async Task Event_subprocess_inside_an_embedded_subprocess_interrupts_only_that_subprocess()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="before" />
            <subProcess id="sub">
              <startEvent id="ss" />
              <userTask id="inner" />
              <endEvent id="se" />
              <sequenceFlow id="fs1" sourceRef="ss" targetRef="inner" />
              <sequenceFlow id="fs2" sourceRef="inner" targetRef="se" />
              <subProcess id="events" triggeredByEvent="true">
                <startEvent id="es"><messageEventDefinition messageRef="Msg_Press" /></startEvent>
                <userTask id="handled" />
                <endEvent id="ee" />
                <sequenceFlow id="fe1" sourceRef="es" targetRef="handled" />
                <sequenceFlow id="fe2" sourceRef="handled" targetRef="ee" />
              </subProcess>
            </subProcess>
            <userTask id="after" />
            <endEvent id="e" />
            """ + Chain("s", "before", "sub", "after", "e")));
        var started = await h.StartAsync("p", businessKey: "REC-1");

        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(0, "the subprocess is not entered yet");
        await h.CompleteAsync(started.Id, "before");
        var inner = await h.SingleTaskAsync(started.Id, "inner");

        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(1);

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("handled");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "TaskDeleted" && e.TaskId == inner.Id);

        await h.CompleteAsync(started.Id, "handled");
        var instance = await h.InstanceAsync(started.Id);
        instance.State.Should().Be("Active");
        instance.ActiveActivityIds.Should().Equal("after");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Contain(["events", "sub"]).And.NotContain("inner");

        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(0, "the subprocess has been left");
        await h.CompleteAsync(started.Id, "after");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }
    [Fact]
    public async Task Interrupting_event_subprocess_inside_a_subprocess_keeps_the_subprocess_boundary_timer()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <subProcess id="sub">
              <startEvent id="ss" />
              <userTask id="inner" />
              <endEvent id="se" />
              {Chain("ss", "inner", "se")}
              <subProcess id="events" triggeredByEvent="true">
                <startEvent id="es"><messageEventDefinition messageRef="Msg_Press" /></startEvent>
                <userTask id="handled" />
                <endEvent id="ee" />
                {Chain("es", "handled", "ee")}
              </subProcess>
            </subProcess>
            <boundaryEvent id="tooLong" attachedToRef="sub">{Timer("timeDuration", "P5D")}</boundaryEvent>
            <userTask id="after" />
            <userTask id="timedOut" />
            """ + Chain("s", "sub", "after") + Chain("tooLong", "timedOut")));
        var started = await h.StartAsync("p", businessKey: "REC-1");

        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(1);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("handled");
        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle("the boundary timer of the subprocess still runs")
            .Which.ActivityId.Should().Be("tooLong");

        (await h.AdvanceAsync(TimeSpan.FromDays(5))).Should().Be(1);

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("timedOut");
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("timedOut");
    }

    [Fact]
    public async Task Error_start_event_subprocess_catches_a_handlers_BPMN_error_in_its_scope()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Script.BpmnErrors["work"] = "FAIL";
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <endEvent id="e" />
            <subProcess id="events" triggeredByEvent="true">
              <startEvent id="es"><errorEventDefinition errorRef="Err_Fail" /></startEvent>
              <userTask id="handled" />
              <endEvent id="ee" />
              {Chain("es", "handled", "ee")}
            </subProcess>
            """ + Chain("s", "t", "w", "e")));
        var started = await h.StartAsync("p");

        await h.CompleteAsync(started.Id, "t");

        h.Script.CallsTo("work").Should().Be(1);
        var instance = await h.InstanceAsync(started.Id);
        instance.State.Should().Be("Active");
        instance.ActiveActivityIds.Should().Equal("handled");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().NotContain(["w", "e"]);
        await h.CompleteAsync(started.Id, "handled");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task Error_start_event_subprocess_inside_a_subprocess_catches_an_error_end_event()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <subProcess id="sub">
              <startEvent id="ss" />
              <userTask id="inner" />
              <endEvent id="broken"><errorEventDefinition errorRef="Err_Fail" /></endEvent>
              {Chain("ss", "inner", "broken")}
              <subProcess id="events" triggeredByEvent="true">
                <startEvent id="es"><errorEventDefinition /></startEvent>
                <userTask id="handled" />
                <endEvent id="ee" />
                {Chain("es", "handled", "ee")}
              </subProcess>
            </subProcess>
            <userTask id="after" />
            """ + Chain("s", "sub", "after")));
        var started = await h.StartAsync("p");

        await h.CompleteAsync(started.Id, "inner");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("handled");
        await h.CompleteAsync(started.Id, "handled");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal(["after"], "the subprocess leaves normally after its error event subprocess");
    }
    [Fact]
    public async Task A_running_non_interrupting_event_subprocess_keeps_its_subprocess_open_until_it_ends()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <subProcess id="sub">
              <startEvent id="ss" />
              <userTask id="inner" />
              <endEvent id="se" />
              {Chain("ss", "inner", "se")}
              <subProcess id="events" triggeredByEvent="true">
                <startEvent id="es" isInterrupting="false"><messageEventDefinition messageRef="Msg_Press" /></startEvent>
                <userTask id="answerPress" />
                <endEvent id="ee" />
                {Chain("es", "answerPress", "ee")}
              </subProcess>
            </subProcess>
            <userTask id="after" />
            """ + Chain("s", "sub", "after")));
        var started = await h.StartAsync("p", businessKey: "REC-1");

        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(1);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().BeEquivalentTo(["inner", "answerPress"]);

        await h.CompleteAsync(started.Id, "inner");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("answerPress");
        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(1, "the subprocess is still running, so it still listens");
        var presses = await h.TasksAsync(started.Id);
        presses.Should().HaveCount(2).And.OnlyContain(t => t.TaskDefinitionKey == "answerPress");
        await h.Engine.CompleteTaskAsync(presses[0].Id, null, Actor.System);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("answerPress");
        await h.Engine.CompleteTaskAsync(presses[1].Id, null, Actor.System);

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(0);
    }
    [Fact]
    public async Task Error_event_subprocess_of_a_multi_instance_subprocess_handles_one_instance_and_passes_its_own_errors_up()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <subProcess id="sub">
              <multiInstanceLoopCharacteristics><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>
              <startEvent id="ss" />
              <userTask id="inner" />
              <endEvent id="broken"><errorEventDefinition errorRef="Err_Fail" /></endEvent>
              {Chain("ss", "inner", "broken")}
              <subProcess id="events" triggeredByEvent="true">
                <startEvent id="es"><errorEventDefinition errorRef="Err_Fail" /></startEvent>
                <userTask id="handled" />
                <endEvent id="brokenAgain"><errorEventDefinition errorRef="Err_Fail" /></endEvent>
                {Chain("es", "handled", "brokenAgain")}
              </subProcess>
            </subProcess>
            <boundaryEvent id="failed" attachedToRef="sub"><errorEventDefinition errorRef="Err_Fail" /></boundaryEvent>
            <userTask id="after" />
            <userTask id="repair" />
            """ + Chain("s", "sub", "after") + Chain("failed", "repair")));
        var started = await h.StartAsync("p");
        var inner = await h.TasksAsync(started.Id);
        inner.Should().HaveCount(2).And.OnlyContain(t => t.TaskDefinitionKey == "inner");

        await h.Engine.CompleteTaskAsync(inner[0].Id, null, Actor.System);

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().BeEquivalentTo(["handled", "inner"]);
        (await h.TasksAsync(started.Id)).Should().Contain(t => t.Id == inner[1].Id, "the other instance goes on");

        await h.CompleteAsync(started.Id, "handled");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("repair");
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("repair");
        (await h.HistoryAsync(started.Id, "ErrorCaught")).Should().Equal("es", "failed");
    }
}
