using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class CallActivityTests
{
    private const string WaitingChild = """
        <startEvent id="c_s" />
        <userTask id="c_task" />
        <serviceTask id="c_work" camunda:type="external" camunda:topic="work" />
        <endEvent id="c_e" />
        """;

    /// <summary>A child process that runs the "work" handler and ends.</summary>
    private static readonly string ServiceChild = Process("child", """
        <startEvent id="c_s" />
        <serviceTask id="c_work" camunda:type="external" camunda:topic="work" />
        <endEvent id="c_e" />
        """ + Chain("c_s", "c_work", "c_e"));

    private static string Caller(string mappings, string boundary = "") => Process("parent", $"""
        <startEvent id="s" />
        <callActivity id="call" calledElement="child">
          <extensionElements>{mappings}</extensionElements>
        </callActivity>
        {boundary}
        <userTask id="after" />
        """ + Chain("s", "call", "after"));

    private static async Task<ProcessInstanceInfo> CalledInstanceAsync(EngineHarness h, string businessKey)
    {
        var ids = await h.Engine.FindProcessInstancesAsync(businessKey);
        var instances = new List<ProcessInstanceInfo>();
        foreach (var id in ids) instances.Add(await h.InstanceAsync(id));
        return instances.Should().ContainSingle(i => i.DefinitionKey == "child").Subject;
    }

    [Fact]
    public async Task The_caller_waits_while_the_called_instance_waits_and_gets_its_out_variables_back()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", WaitingChild + Chain("c_s", "c_task", "c_work", "c_e")), "child.bpmn");
        await h.DeployAsync(Caller("""
            <camunda:in source="amount" target="childAmount" />
            <camunda:in sourceExpression="${ amount * 2 }" target="doubled" />
            <camunda:out source="result" target="childResult" />
            <camunda:out sourceExpression="${ result + '!' }" target="shouted" />
            """), "parent.bpmn");

        var parent = await h.StartAsync("parent", Vars.Of(("amount", 10L), ("secret", "not passed")), businessKey: "REC-7");

        parent.State.Should().Be("Active");
        parent.ActiveActivityIds.Should().Equal("call");
        var child = await CalledInstanceAsync(h, "REC-7");
        child.State.Should().Be("Active");
        child.BusinessKey.Should().Be("REC-7");
        child.SuperProcessInstanceId.Should().Be(parent.Id);
        child.ActiveActivityIds.Should().Equal("c_task");
        child.Variables.Should().BeEquivalentTo(new Dictionary<string, object?> { ["childAmount"] = 10L, ["doubled"] = 20L });
        (await h.TasksAsync(parent.Id)).Should().BeEmpty();

        h.Script.Results["work"] = new() { ["result"] = "done", ["internal"] = 1L };
        await h.CompleteAsync(child.Id, "c_task");

        (await h.InstanceAsync(child.Id)).State.Should().Be("Completed");
        var resumed = await h.InstanceAsync(parent.Id);
        resumed.ActiveActivityIds.Should().Equal("after");
        resumed.Variables.Should().Contain("childResult", "done").And.Contain("shouted", "done!").And.NotContainKey("internal");
        (await h.HistoryAsync(parent.Id, "ActivityCompleted")).Should().Equal("s", "call");
    }

    [Fact]
    public async Task Variables_all_copies_every_variable_in_and_out()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ServiceChild, "child.bpmn");
        await h.DeployAsync(Caller("""
            <camunda:in variables="all" />
            <camunda:out variables="all" />
            """), "parent.bpmn");
        h.Script.Results["work"] = new() { ["verdict"] = "accepted" };

        var parent = await h.StartAsync("parent", Vars.Of(("amount", 10L), ("complainant", "Dupont")), businessKey: "REC-8");

        h.Script.Calls.Single(c => c.Topic == "work").Variables.Should().Contain("amount", 10L).And.Contain("complainant", "Dupont");
        var child = await CalledInstanceAsync(h, "REC-8");
        child.State.Should().Be("Completed");
        parent.ActiveActivityIds.Should().Equal("after");
        parent.Variables.Should().Contain("verdict", "accepted").And.Contain("amount", 10L);
    }

    [Fact]
    public async Task Local_mappings_pass_only_the_call_activity_locals_in_and_keep_the_results_local_to_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ServiceChild, "child.bpmn");
        await h.DeployAsync(Caller("""
            <camunda:inputOutput>
              <camunda:inputParameter name="localAmount">${ amount + 1 }</camunda:inputParameter>
              <camunda:outputParameter name="verdictCopy">${ verdict }</camunda:outputParameter>
            </camunda:inputOutput>
            <camunda:in variables="all" local="true" />
            <camunda:out variables="all" local="true" />
            """), "parent.bpmn");
        h.Script.Results["work"] = new() { ["verdict"] = "accepted" };

        var parent = await h.StartAsync("parent", Vars.Of(("amount", 10L), ("complainant", "Dupont")), businessKey: "REC-10");

        h.Script.Calls.Single(c => c.Topic == "work").Variables.Should().BeEquivalentTo(
            new Dictionary<string, object?> { ["localAmount"] = 11L }, "only the call activity's local variables go in");
        parent.ActiveActivityIds.Should().Equal("after");
        parent.Variables.Should().Contain("verdictCopy", "accepted").And.NotContainKey("verdict").And.NotContainKey("localAmount");
    }

    [Fact]
    public async Task The_latest_version_of_the_called_process_is_started()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", """<startEvent id="c_s" /><userTask id="v1_task" />""" + Chain("c_s", "v1_task")), "child.bpmn");
        await h.DeployAsync(Caller(""), "parent.bpmn");
        var v2 = await h.DeployAsync(Process("child", """<startEvent id="c_s" /><userTask id="v2_task" />""" + Chain("c_s", "v2_task")), "child.bpmn");
        v2.Version.Should().Be(2);

        await h.StartAsync("parent", businessKey: "REC-9");

        var child = await CalledInstanceAsync(h, "REC-9");
        child.DefinitionVersion.Should().Be(2);
        child.ActiveActivityIds.Should().Equal("v2_task");
    }

    [Fact]
    public async Task Calling_an_undeployed_process_fails_the_command_naming_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Caller(""), "parent.bpmn");

        var act = () => h.Engine.StartProcessAsync("parent", "REC-10", null, Actor.System);

        (await act.Should().ThrowAsync<ProcessEngineException>()).Which.Message.Should().Contain("'child'").And.Contain("'call'");
        (await h.Engine.FindProcessInstancesAsync("REC-10")).Should().BeEmpty();
    }

    [Fact]
    public async Task An_interrupting_timer_on_the_call_activity_terminates_the_called_instance()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", WaitingChild + Chain("c_s", "c_task", "c_work", "c_e")), "child.bpmn");
        await h.DeployAsync(Process("parent", $"""
            <startEvent id="s" />
            <callActivity id="call" calledElement="child" />
            <boundaryEvent id="late" attachedToRef="call">{Timer("timeDuration", "P1D")}</boundaryEvent>
            <userTask id="after" />
            <userTask id="escalated" />
            """ + Chain("s", "call", "after") + Chain("late", "escalated")), "parent.bpmn");
        var parent = await h.StartAsync("parent", businessKey: "REC-11");
        var child = await CalledInstanceAsync(h, "REC-11");
        child.ActiveActivityIds.Should().Equal("c_task");

        await h.AdvanceAsync(TimeSpan.FromHours(25));

        var terminated = await h.InstanceAsync(child.Id);
        terminated.State.Should().Be("Terminated");
        terminated.ActiveActivityIds.Should().BeEmpty();
        (await h.TasksAsync(child.Id)).Should().BeEmpty();
        var moved = await h.InstanceAsync(parent.Id);
        moved.ActiveActivityIds.Should().Equal("escalated");
        h.Script.CallsTo("work").Should().Be(0);
    }

    [Fact]
    public async Task A_bpmn_error_thrown_in_the_called_process_is_caught_on_the_call_activity()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", WaitingChild + Chain("c_s", "c_task", "c_work", "c_e")), "child.bpmn");
        await h.DeployAsync(Process("parent", """
            <startEvent id="s" />
            <callActivity id="call" calledElement="child" />
            <boundaryEvent id="failed" attachedToRef="call"><errorEventDefinition errorRef="Err_Fail" /></boundaryEvent>
            <userTask id="after" />
            <userTask id="handle" />
            """ + Chain("s", "call", "after") + Chain("failed", "handle")), "parent.bpmn");
        var parent = await h.StartAsync("parent", businessKey: "REC-12");
        var child = await CalledInstanceAsync(h, "REC-12");
        h.Script.BpmnErrors["work"] = "FAIL";

        await h.CompleteAsync(child.Id, "c_task");

        (await h.InstanceAsync(child.Id)).State.Should().Be("Terminated");
        (await h.InstanceAsync(parent.Id)).ActiveActivityIds.Should().Equal("handle");
        (await h.Engine.GetHistoryAsync(parent.Id, Actor.System)).Should().Contain(e => e.EventType == "ErrorCaught" && e.ActivityId == "failed" && e.Details == "FAIL");
    }

    [Fact]
    public async Task An_error_end_event_in_the_called_process_is_caught_on_the_call_activity()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", """
            <startEvent id="c_s" />
            <endEvent id="c_err"><errorEventDefinition errorRef="Err_Fail" /></endEvent>
            """ + Chain("c_s", "c_err")), "child.bpmn");
        await h.DeployAsync(Process("parent", """
            <startEvent id="s" />
            <callActivity id="call" calledElement="child" />
            <boundaryEvent id="failed" attachedToRef="call"><errorEventDefinition errorRef="Err_Fail" /></boundaryEvent>
            <userTask id="after" />
            <userTask id="handle" />
            """ + Chain("s", "call", "after") + Chain("failed", "handle")), "parent.bpmn");

        var parent = await h.StartAsync("parent", businessKey: "REC-13");

        parent.ActiveActivityIds.Should().Equal("handle");
        (await CalledInstanceAsync(h, "REC-13")).State.Should().Be("Terminated");
    }

    [Fact]
    public async Task An_uncaught_error_end_event_in_the_called_process_ends_it_like_a_none_end_event_and_the_caller_goes_on()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", """
            <startEvent id="c_s" />
            <endEvent id="c_err"><errorEventDefinition errorRef="Err_Fail" /></endEvent>
            """ + Chain("c_s", "c_err")), "child.bpmn");
        await h.DeployAsync(Caller(""), "parent.bpmn");

        var parent = await h.StartAsync("parent", businessKey: "REC-14");

        parent.ActiveActivityIds.Should().Equal("after");
        (await CalledInstanceAsync(h, "REC-14")).State.Should().Be("Completed");
    }

    [Fact]
    public async Task An_error_from_a_grandchild_is_caught_two_levels_up()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("grandchild", """
            <startEvent id="g_s" />
            <userTask id="g_task" />
            <endEvent id="g_err"><errorEventDefinition errorRef="Err_Fail" /></endEvent>
            """ + Chain("g_s", "g_task", "g_err")), "grandchild.bpmn");
        await h.DeployAsync(Process("child", """
            <startEvent id="c_s" />
            <callActivity id="c_call" calledElement="grandchild" />
            <endEvent id="c_e" />
            """ + Chain("c_s", "c_call", "c_e")), "child.bpmn");
        await h.DeployAsync(Process("parent", """
            <startEvent id="s" />
            <callActivity id="call" calledElement="child" />
            <boundaryEvent id="failed" attachedToRef="call"><errorEventDefinition errorRef="Err_Fail" /></boundaryEvent>
            <userTask id="after" />
            <userTask id="handle" />
            """ + Chain("s", "call", "after") + Chain("failed", "handle")), "parent.bpmn");
        var parent = await h.StartAsync("parent", businessKey: "REC-15");
        var all = new List<ProcessInstanceInfo>();
        foreach (var id in await h.Engine.FindProcessInstancesAsync("REC-15")) all.Add(await h.InstanceAsync(id));
        all.Should().HaveCount(3);
        var grandchild = all.Single(i => i.DefinitionKey == "grandchild");
        var child = all.Single(i => i.DefinitionKey == "child");
        grandchild.SuperProcessInstanceId.Should().Be(child.Id);

        await h.RestartAsync();
        await h.CompleteAsync(grandchild.Id, "g_task");

        (await h.InstanceAsync(parent.Id)).ActiveActivityIds.Should().Equal("handle");
        (await h.InstanceAsync(child.Id)).State.Should().Be("Terminated");
        (await h.InstanceAsync(grandchild.Id)).State.Should().Be("Terminated");
    }

    [Fact]
    public async Task The_business_key_can_be_computed_for_the_called_instance()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", WaitingChild + Chain("c_s", "c_task", "c_work", "c_e")), "child.bpmn");
        await h.DeployAsync(Caller("""<camunda:in businessKey="${ ref + '-sub' }" />"""), "parent.bpmn");

        var parent = await h.StartAsync("parent", Vars.Of(("ref", "REC-16")), businessKey: "REC-16");

        var ids = await h.Engine.FindProcessInstancesAsync("REC-16-sub");
        var child = await h.InstanceAsync(ids.Should().ContainSingle().Subject);
        child.DefinitionKey.Should().Be("child");
        child.SuperProcessInstanceId.Should().Be(parent.Id);
        (await h.SingleTaskAsync(child.Id)).BusinessKey.Should().Be("REC-16-sub");
    }

    [Fact]
    public async Task A_parallel_multi_instance_call_activity_waits_for_every_called_instance()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", """
            <startEvent id="c_s" />
            <userTask id="c_task" camunda:assignee="${ who }" />
            <endEvent id="c_e" />
            """ + Chain("c_s", "c_task", "c_e")), "child.bpmn");
        await h.DeployAsync(Process("parent", """
            <startEvent id="s" />
            <callActivity id="call" calledElement="child">
              <extensionElements><camunda:in source="reviewer" target="who" /></extensionElements>
              <multiInstanceLoopCharacteristics camunda:collection="reviewers" camunda:elementVariable="reviewer" />
            </callActivity>
            <userTask id="after" />
            """ + Chain("s", "call", "after")), "parent.bpmn");

        var parent = await h.StartAsync("parent", Vars.Of(("reviewers", new List<object?> { "alice", "bob" })), businessKey: "REC-17");

        var tasks = await h.Engine.QueryTasksAsync(new TaskQuery(BusinessKey: "REC-17"), Actor.System);
        tasks.Select(t => t.Assignee).Should().BeEquivalentTo(["alice", "bob"]);
        tasks.Should().OnlyContain(t => t.ProcessDefinitionKey == "child");

        await h.Engine.CompleteTaskAsync(tasks[0].Id, null, Actor.System);
        (await h.InstanceAsync(parent.Id)).ActiveActivityIds.Should().Equal("call");
        await h.Engine.CompleteTaskAsync(tasks[1].Id, null, Actor.System);

        (await h.InstanceAsync(parent.Id)).ActiveActivityIds.Should().Equal("after");
    }

    [Fact]
    public async Task A_failure_in_the_caller_after_the_called_instance_ends_rolls_back_both()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", """
            <startEvent id="c_s" />
            <userTask id="c_task"><extensionElements><camunda:formData><camunda:formField id="verdict" type="string" /></camunda:formData></extensionElements></userTask>
            <endEvent id="c_e" />
            """ + Chain("c_s", "c_task", "c_e")), "child.bpmn");
        await h.DeployAsync(Process("parent", """
            <startEvent id="s" />
            <callActivity id="call" calledElement="child">
              <extensionElements><camunda:out source="verdict" target="verdict" /></extensionElements>
            </callActivity>
            <exclusiveGateway id="gw" />
            <userTask id="accepted" />
            <userTask id="refused" />
            """ + Chain("s", "call", "gw") + Flow("gw", "accepted", "${ verdict == 'yes' }") + Flow("gw", "refused", "${ verdict == 'no' }")),
            "parent.bpmn");
        var parent = await h.StartAsync("parent", businessKey: "REC-18");
        var child = await CalledInstanceAsync(h, "REC-18");
        var task = await h.SingleTaskAsync(child.Id);

        var act = () => h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("verdict", "maybe")), Actor.System);

        (await act.Should().ThrowAsync<ProcessEngineException>()).Which.Message.Should().Contain("'gw'");
        var childAfter = await h.InstanceAsync(child.Id);
        childAfter.State.Should().Be("Active");
        childAfter.ActiveActivityIds.Should().Equal("c_task");
        childAfter.Variables.Should().NotContainKey("verdict");
        (await h.SingleTaskAsync(child.Id)).Id.Should().Be(task.Id);
        var parentAfter = await h.InstanceAsync(parent.Id);
        parentAfter.ActiveActivityIds.Should().Equal("call");
        parentAfter.Variables.Should().NotContainKey("verdict");

        await h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("verdict", "yes")), Actor.System);
        (await h.InstanceAsync(parent.Id)).ActiveActivityIds.Should().Equal("accepted");
    }

    [Fact]
    public async Task The_timer_on_the_call_activity_still_terminates_the_called_instance_after_a_restart()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", WaitingChild + Chain("c_s", "c_task", "c_work", "c_e")), "child.bpmn");
        await h.DeployAsync(Process("parent", $"""
            <startEvent id="s" />
            <callActivity id="call" calledElement="child" />
            <boundaryEvent id="late" attachedToRef="call">{Timer("timeDuration", "PT1H")}</boundaryEvent>
            <userTask id="after" />
            <userTask id="escalated" />
            """ + Chain("s", "call", "after") + Chain("late", "escalated")), "parent.bpmn");
        var parent = await h.StartAsync("parent", businessKey: "REC-19");
        var child = await CalledInstanceAsync(h, "REC-19");

        await h.RestartAsync();
        (await h.AdvanceAsync(TimeSpan.FromMinutes(59))).Should().Be(0);
        (await h.AdvanceAsync(TimeSpan.FromMinutes(2))).Should().Be(1);

        (await h.InstanceAsync(child.Id)).State.Should().Be("Terminated");
        (await h.InstanceAsync(parent.Id)).ActiveActivityIds.Should().Equal("escalated");
        (await h.Engine.QueryTasksAsync(new TaskQuery(BusinessKey: "REC-19"), Actor.System)).Select(t => t.TaskDefinitionKey).Should().Equal("escalated");
    }

    [Theory]
    [InlineData("""<camunda:in sourceExpression="${ amont * 2 }" target="doubled" />""", "amont")]
    [InlineData("""<camunda:in businessKey="${ referense }" />""", "referense")]
    public async Task A_mapping_expression_with_an_unknown_variable_fails_naming_the_call_activity(string mapping, string variable)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", WaitingChild + Chain("c_s", "c_task", "c_work", "c_e")), "child.bpmn");
        await h.DeployAsync(Caller(mapping), "parent.bpmn");

        var act = () => h.Engine.StartProcessAsync("parent", "REC-20", Vars.Of(("amount", 1L)), Actor.System);

        (await act.Should().ThrowAsync<ProcessEngineException>()).Which.Message.Should()
            .Contain("'call'").And.Contain($"unknown variable '{variable}'");
        (await h.Engine.FindProcessInstancesAsync("REC-20")).Should().BeEmpty();
    }

    [Fact]
    public async Task An_out_mapping_expression_with_an_unknown_variable_fails_naming_the_call_activity_and_saves_nothing()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("child", WaitingChild + Chain("c_s", "c_task", "c_work", "c_e")), "child.bpmn");
        await h.DeployAsync(Caller("""<camunda:out sourceExpression="${ reslt }" target="childResult" />"""), "parent.bpmn");
        var parent = await h.StartAsync("parent", businessKey: "REC-21");
        var child = await CalledInstanceAsync(h, "REC-21");

        var act = () => h.CompleteAsync(child.Id, "c_task");

        (await act.Should().ThrowAsync<ProcessEngineException>()).Which.Message.Should()
            .Contain("'call'").And.Contain("unknown variable 'reslt'");
        (await h.InstanceAsync(child.Id)).ActiveActivityIds.Should().Equal("c_task");
        (await h.InstanceAsync(parent.Id)).ActiveActivityIds.Should().Equal("call");
    }
}
