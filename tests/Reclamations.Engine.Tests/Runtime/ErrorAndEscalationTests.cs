using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>BPMN errors (from handlers and error end events) and escalations, caught by boundary events.</summary>
public sealed class ErrorAndEscalationTests
{
    [Fact]
    public async Task Error_boundary_on_a_service_task_catches_the_handlers_BPMN_error()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Script.BpmnErrors["work"] = "FAIL";
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <userTask id="next" />
            <boundaryEvent id="failed" attachedToRef="w"><errorEventDefinition errorRef="Err_Fail" /></boundaryEvent>
            <userTask id="repair" />
            """ + Chain("s", "w", "next") + Chain("failed", "repair")));

        var started = await h.StartAsync("p");

        h.Script.CallsTo("work").Should().Be(1);
        started.State.Should().Be("Active");
        started.ActiveActivityIds.Should().Equal("repair");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("repair");
        (await h.HistoryAsync(started.Id, "ErrorThrown")).Should().Equal("w");
        (await h.HistoryAsync(started.Id, "ErrorCaught")).Should().Equal("failed");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().NotContain("w");
    }

    [Fact]
    public async Task Error_boundary_on_an_embedded_subprocess_catches_an_error_end_event_inside_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <subProcess id="sub">
              <startEvent id="ss" />
              <parallelGateway id="fork" />
              <userTask id="check" />
              <userTask id="other" />
              <endEvent id="broken"><errorEventDefinition errorRef="Err_Fail" /></endEvent>
              <endEvent id="otherEnd" />
              <sequenceFlow id="f1" sourceRef="ss" targetRef="fork" />
              <sequenceFlow id="f2" sourceRef="fork" targetRef="check" />
              <sequenceFlow id="f3" sourceRef="fork" targetRef="other" />
              <sequenceFlow id="f4" sourceRef="check" targetRef="broken" />
              <sequenceFlow id="f5" sourceRef="other" targetRef="otherEnd" />
            </subProcess>
            <boundaryEvent id="failed" attachedToRef="sub"><errorEventDefinition errorRef="Err_Fail" /></boundaryEvent>
            <userTask id="normal" />
            <userTask id="repair" />
            """ + Chain("s", "sub", "normal") + Chain("failed", "repair")));
        var started = await h.StartAsync("p");
        started.ActiveActivityIds.Should().BeEquivalentTo(["check", "other"]);
        var other = await h.SingleTaskAsync(started.Id, "other");

        await h.CompleteAsync(started.Id, "check");

        var instance = await h.InstanceAsync(started.Id);
        instance.ActiveActivityIds.Should().Equal("repair");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("repair");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "TaskDeleted" && e.TaskId == other.Id);
        (await h.HistoryAsync(started.Id, "ErrorCaught")).Should().Equal("failed");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().NotContain("sub").And.Contain("broken");

        await h.CompleteAsync(started.Id, "repair");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task Uncaught_BPMN_error_from_a_handler_fails_the_command_and_changes_nothing()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Script.BpmnErrors["work"] = "FAIL";
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t"><extensionElements><camunda:formData><camunda:formField id="decision" type="string" /></camunda:formData></extensionElements></userTask>
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <endEvent id="e" />
            """ + Chain("s", "t", "w", "e")));
        var started = await h.StartAsync("p", businessKey: "REC-1");
        var task = await h.SingleTaskAsync(started.Id);
        var historyBefore = await h.Engine.GetHistoryAsync(started.Id, Actor.System);

        var complete = () => h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("decision", "ok")), Actor.System);
        await complete.Should().ThrowAsync<ProcessEngineException>().WithMessage("*FAIL*not caught*");

        h.Script.CallsTo("work").Should().Be(1);
        var instance = await h.InstanceAsync(started.Id);
        instance.State.Should().Be("Active");
        instance.ActiveActivityIds.Should().Equal("t");
        instance.Variables.Should().NotContainKey("decision");
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().BeEquivalentTo(historyBefore);

        // Once the handler no longer fails, the same task completes normally.
        h.Script.BpmnErrors.Clear();
        await h.Engine.CompleteTaskAsync(task.Id, null, Actor.System);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task Uncaught_BPMN_error_while_starting_creates_no_instance()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Script.BpmnErrors["work"] = "FAIL";
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <endEvent id="e" />
            """ + Chain("s", "w", "e")));

        var start = () => h.StartAsync("p", businessKey: "REC-1");
        await start.Should().ThrowAsync<ProcessEngineException>();

        (await h.Engine.FindProcessInstancesAsync("REC-1")).Should().BeEmpty();
    }

    private static string EscalatingSubProcess(bool interrupting) => Process("p", $"""
        <startEvent id="s" />
        <subProcess id="sub">
          <startEvent id="ss" />
          <intermediateThrowEvent id="raise"><escalationEventDefinition escalationRef="Esc_Late" /></intermediateThrowEvent>
          <userTask id="inner" />
          <endEvent id="se" />
          {Chain("ss", "raise", "inner", "se")}
        </subProcess>
        <userTask id="after" />
        <boundaryEvent id="escalated" attachedToRef="sub" cancelActivity="{(interrupting ? "true" : "false")}">
          <escalationEventDefinition escalationRef="Esc_Late" />
        </boundaryEvent>
        """ + (interrupting
            ? """<userTask id="handle" />""" + Chain("escalated", "handle")
            : """<serviceTask id="tell" camunda:type="external" camunda:topic="notify" /><endEvent id="tellEnd" />""" + Chain("escalated", "tell", "tellEnd"))
        + Chain("s", "sub", "after"));

    [Fact]
    public async Task Interrupting_escalation_boundary_on_a_subprocess_cancels_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(EscalatingSubProcess(interrupting: true));

        var started = await h.StartAsync("p");

        started.ActiveActivityIds.Should().Equal("handle");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("handle");
        (await h.HistoryAsync(started.Id, "EscalationCaught")).Should().Equal("escalated");
        (await h.HistoryAsync(started.Id, "TaskCreated")).Should().NotContain("inner");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().NotContain("sub");

        await h.CompleteAsync(started.Id, "handle");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.HistoryAsync(started.Id, "TaskCreated")).Should().NotContain("after");
    }

    [Fact]
    public async Task Non_interrupting_escalation_boundary_on_a_subprocess_runs_beside_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(EscalatingSubProcess(interrupting: false));

        var started = await h.StartAsync("p");

        h.Script.CallsTo("notify").Should().Be(1);
        started.ActiveActivityIds.Should().Equal("inner");
        (await h.HistoryAsync(started.Id, "EscalationCaught")).Should().Equal("escalated");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Contain(["raise", "escalated", "tell", "tellEnd"]);

        await h.CompleteAsync(started.Id, "inner");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
        await h.CompleteAsync(started.Id, "after");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }
    [Fact]
    public async Task An_error_passes_boundaries_for_other_codes_and_is_caught_further_up_by_a_catch_all_boundary()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Script.BpmnErrors["work"] = "FAIL";
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <subProcess id="outer">
              <startEvent id="os" />
              <subProcess id="inner">
                <startEvent id="is" />
                <serviceTask id="w" camunda:type="external" camunda:topic="work" />
                <endEvent id="ie" />
                <sequenceFlow id="fi1" sourceRef="is" targetRef="w" />
                <sequenceFlow id="fi2" sourceRef="w" targetRef="ie" />
              </subProcess>
              <boundaryEvent id="otherError" attachedToRef="inner"><errorEventDefinition errorRef="Err_Other" /></boundaryEvent>
              <userTask id="other" />
              <endEvent id="oe" />
              <sequenceFlow id="fo1" sourceRef="os" targetRef="inner" />
              <sequenceFlow id="fo2" sourceRef="inner" targetRef="oe" />
              <sequenceFlow id="fo3" sourceRef="otherError" targetRef="other" />
            </subProcess>
            <boundaryEvent id="anyError" attachedToRef="outer"><errorEventDefinition /></boundaryEvent>
            <userTask id="repair" />
            <userTask id="after" />
            """ + Chain("s", "outer", "after") + Chain("anyError", "repair"),
            extraProcesses: """<error id="Err_Other" errorCode="OTHER" />"""));

        var started = await h.StartAsync("p");

        started.ActiveActivityIds.Should().Equal("repair");
        (await h.HistoryAsync(started.Id, "ErrorCaught")).Should().Equal("anyError");
        (await h.HistoryAsync(started.Id, "TaskCreated")).Should().Equal("repair");
    }

    [Fact]
    public async Task Escalation_is_caught_by_a_boundary_two_subprocesses_up()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <subProcess id="outer">
              <startEvent id="os" />
              <subProcess id="inner">
                <startEvent id="is" />
                <intermediateThrowEvent id="raise"><escalationEventDefinition escalationRef="Esc_Late" /></intermediateThrowEvent>
                <userTask id="work" />
                <endEvent id="ie" />
                <sequenceFlow id="fi1" sourceRef="is" targetRef="raise" />
                <sequenceFlow id="fi2" sourceRef="raise" targetRef="work" />
                <sequenceFlow id="fi3" sourceRef="work" targetRef="ie" />
              </subProcess>
              <endEvent id="oe" />
              <sequenceFlow id="fo1" sourceRef="os" targetRef="inner" />
              <sequenceFlow id="fo2" sourceRef="inner" targetRef="oe" />
            </subProcess>
            <boundaryEvent id="escalated" attachedToRef="outer"><escalationEventDefinition /></boundaryEvent>
            <userTask id="manager" />
            """ + Chain("s", "outer") + Chain("escalated", "manager")));

        var started = await h.StartAsync("p");

        started.ActiveActivityIds.Should().Equal("manager");
        (await h.HistoryAsync(started.Id, "EscalationCaught")).Should().Equal("escalated");
        (await h.HistoryAsync(started.Id, "TaskCreated")).Should().Equal("manager");
    }
}
