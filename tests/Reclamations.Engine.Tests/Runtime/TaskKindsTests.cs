using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class TaskKindsTests
{
    [Fact]
    public async Task A_service_task_calls_its_topic_handler_with_the_variables_and_moves_on()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <userTask id="after" />
            """ + Chain("s", "w", "after")));

        var started = await h.StartAsync("p", Vars.Of(("amount", 3L)), businessKey: "REC-1");

        var call = h.Script.Calls.Should().ContainSingle().Subject;
        call.Topic.Should().Be("work");
        call.Variables.Should().Contain("amount", 3L);
        call.Inputs.Should().BeEmpty();
        started.ActiveActivityIds.Should().Equal("after");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should()
            .Contain(e => e.EventType == "ActivityCompleted" && e.ActivityId == "w" && e.ActivityType == "serviceTask");
    }

    [Fact]
    public async Task A_send_task_calls_its_topic_handler()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <sendTask id="mail" camunda:type="external" camunda:topic="send-mail" />
            <endEvent id="e" />
            """ + Chain("s", "mail", "e")));

        var started = await h.StartAsync("p", Vars.Of(("to", "client@example.org")));

        started.State.Should().Be("Completed");
        h.Script.Calls.Should().ContainSingle().Which.Topic.Should().Be("send-mail");
        h.Script.Calls.Single().Variables.Should().Contain("to", "client@example.org");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should()
            .Contain(e => e.EventType == "ActivityCompleted" && e.ActivityId == "mail" && e.ActivityType == "sendTask");
    }

    [Fact]
    public async Task Manual_and_plain_tasks_pass_straight_through_without_handlers_or_tasks()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <manualTask id="phone" name="Phone the client" />
            <task id="plain" />
            <endEvent id="e" />
            """ + Chain("s", "phone", "plain", "e")));

        var started = await h.StartAsync("p");

        started.State.Should().Be("Completed");
        h.Script.Calls.Should().BeEmpty();
        (await h.HistoryAsync(started.Id, "TaskCreated")).Should().BeEmpty();
        var completed = (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Where(e => e.EventType == "ActivityCompleted").ToList();
        completed.Select(e => (e.ActivityId, e.ActivityType)).Should()
            .Equal(("s", "startEvent"), ("phone", "manualTask"), ("plain", "task"), ("e", "endEvent"));
    }

    [Fact]
    public async Task A_failing_handler_fails_the_command_and_nothing_is_saved()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t"><extensionElements><camunda:formData><camunda:formField id="note" type="string" /></camunda:formData></extensionElements></userTask>
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <endEvent id="e" />
            """ + Chain("s", "t", "w", "e")));
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id);
        h.Script.FailuresLeft["work"] = 1;

        var act = () => h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("note", "x")), Actor.System);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Simulated failure of work*");
        var unchanged = await h.InstanceAsync(started.Id);
        unchanged.ActiveActivityIds.Should().Equal("t");
        unchanged.Variables.Should().NotContainKey("note");
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);

        await h.Engine.CompleteTaskAsync(task.Id, null, Actor.System);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task A_bpmn_error_from_a_service_task_is_caught_by_its_boundary_error_event()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <boundaryEvent id="failed" attachedToRef="w"><errorEventDefinition errorRef="Err_Fail" /></boundaryEvent>
            <userTask id="after" />
            <userTask id="handle" />
            """ + Chain("s", "w", "after") + Chain("failed", "handle")));
        h.Script.BpmnErrors["work"] = "FAIL";

        var started = await h.StartAsync("p");

        started.ActiveActivityIds.Should().Equal("handle");
    }

    [Fact]
    public async Task Several_unconditional_flows_out_of_a_task_split_the_token()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <task id="t" />
            <userTask id="ua" />
            <userTask id="ub" />
            """ + Chain("s", "t") + Chain("t", "ua") + Chain("t", "ub")));

        var started = await h.StartAsync("p");

        started.ActiveActivityIds.Should().BeEquivalentTo(["ua", "ub"]);
        await h.CompleteAsync(started.Id, "ua");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Active");
        await h.CompleteAsync(started.Id, "ub");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }
}
