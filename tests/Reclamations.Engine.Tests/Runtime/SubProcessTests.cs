using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class SubProcessTests
{
    [Fact]
    public async Task An_embedded_subprocess_runs_its_content_and_leaves_by_its_outgoing_flow()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <subProcess id="sub">
              <startEvent id="sub_s" />
              <userTask id="inner"><extensionElements><camunda:formData><camunda:formField id="decision" type="string" /></camunda:formData></extensionElements></userTask>
              <endEvent id="sub_e" />
              <sequenceFlow id="fs1" sourceRef="sub_s" targetRef="inner" />
              <sequenceFlow id="fs2" sourceRef="inner" targetRef="sub_e" />
            </subProcess>
            <userTask id="after" />
            """ + Chain("s", "sub", "after")));

        var started = await h.StartAsync("p");
        started.ActiveActivityIds.Should().Equal("inner");

        await h.CompleteAsync(started.Id, "inner", Vars.Of(("decision", "ok")));

        var after = await h.InstanceAsync(started.Id);
        after.ActiveActivityIds.Should().Equal("after");
        after.Variables.Should().Contain("decision", "ok");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "sub_s", "inner", "sub_e", "sub");
    }

    [Fact]
    public async Task Subprocess_input_variables_are_scoped_to_the_subprocess()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <subProcess id="sub">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="scoped">${ amount * 2 }</camunda:inputParameter>
                </camunda:inputOutput>
              </extensionElements>
              <startEvent id="sub_s" />
              <serviceTask id="inner" camunda:type="external" camunda:topic="work" />
              <userTask id="wait" />
              <endEvent id="sub_e" />
              <sequenceFlow id="fs1" sourceRef="sub_s" targetRef="inner" />
              <sequenceFlow id="fs2" sourceRef="inner" targetRef="wait" />
              <sequenceFlow id="fs3" sourceRef="wait" targetRef="sub_e" />
            </subProcess>
            <serviceTask id="outside" camunda:type="external" camunda:topic="check" />
            <endEvent id="e" />
            """ + Chain("s", "sub", "outside", "e")));

        var started = await h.StartAsync("p", Vars.Of(("amount", 21L)));

        h.Script.Calls.Single(c => c.Topic == "work").Variables.Should().Contain("scoped", 42L);
        started.Variables.Should().NotContainKey("scoped");

        await h.CompleteAsync(started.Id, "wait");

        h.Script.Calls.Single(c => c.Topic == "check").Variables.Should().NotContainKey("scoped").And.Contain("amount", 21L);
        var ended = await h.InstanceAsync(started.Id);
        ended.State.Should().Be("Completed");
        ended.Variables.Should().NotContainKey("scoped");
    }

    [Fact]
    public async Task Nested_subprocesses_complete_inside_out()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <subProcess id="outer">
              <startEvent id="o_s" />
              <subProcess id="inner">
                <startEvent id="i_s" />
                <userTask id="deep" />
                <endEvent id="i_e" />
                <sequenceFlow id="fi1" sourceRef="i_s" targetRef="deep" />
                <sequenceFlow id="fi2" sourceRef="deep" targetRef="i_e" />
              </subProcess>
              <userTask id="middle" />
              <endEvent id="o_e" />
              <sequenceFlow id="fo1" sourceRef="o_s" targetRef="inner" />
              <sequenceFlow id="fo2" sourceRef="inner" targetRef="middle" />
              <sequenceFlow id="fo3" sourceRef="middle" targetRef="o_e" />
            </subProcess>
            <endEvent id="e" />
            """ + Chain("s", "outer", "e")));

        var started = await h.StartAsync("p");
        started.ActiveActivityIds.Should().Equal("deep");

        await h.CompleteAsync(started.Id, "deep");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("middle");

        await h.CompleteAsync(started.Id, "middle");

        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should()
            .Equal("s", "o_s", "i_s", "deep", "i_e", "inner", "middle", "o_e", "outer", "e");
    }

    [Fact]
    public async Task A_parallel_split_inside_a_subprocess_completes_the_subprocess_when_both_branches_end()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <subProcess id="sub">
              <startEvent id="sub_s" />
              <parallelGateway id="fork" />
              <userTask id="ta"><extensionElements><camunda:formData><camunda:formField id="broken" type="boolean" /></camunda:formData></extensionElements></userTask>
              <userTask id="tb" />
              <endEvent id="ea" />
              <endEvent id="eb" />
              <sequenceFlow id="fs1" sourceRef="sub_s" targetRef="fork" />
              <sequenceFlow id="fs2" sourceRef="fork" targetRef="ta" />
              <sequenceFlow id="fs3" sourceRef="fork" targetRef="tb" />
              <sequenceFlow id="fs4" sourceRef="ta" targetRef="ea" />
              <sequenceFlow id="fs5" sourceRef="tb" targetRef="eb" />
            </subProcess>
            <userTask id="after" />
            """ + Chain("s", "sub", "after")));
        var started = await h.StartAsync("p");

        await h.CompleteAsync(started.Id, "ta");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("tb");
        await h.CompleteAsync(started.Id, "tb");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Count(id => id == "sub").Should().Be(1);
    }

    private const string SubWithTwoTasks = """
        <subProcess id="sub">
          <startEvent id="sub_s" />
          <parallelGateway id="fork" />
          <userTask id="ta"><extensionElements><camunda:formData><camunda:formField id="broken" type="boolean" /></camunda:formData></extensionElements></userTask>
          <userTask id="tb" />
          <endEvent id="ea" />
          <endEvent id="err"><errorEventDefinition errorRef="Err_Fail" /></endEvent>
          <exclusiveGateway id="ok" default="fs6" />
          <sequenceFlow id="fs1" sourceRef="sub_s" targetRef="fork" />
          <sequenceFlow id="fs2" sourceRef="fork" targetRef="ta" />
          <sequenceFlow id="fs3" sourceRef="fork" targetRef="tb" />
          <sequenceFlow id="fs4" sourceRef="ta" targetRef="ok" />
          <sequenceFlow id="fs5" sourceRef="ok" targetRef="err"><conditionExpression xsi:type="tFormalExpression">${ broken }</conditionExpression></sequenceFlow>
          <sequenceFlow id="fs6" sourceRef="ok" targetRef="ea" />
          <sequenceFlow id="fs7" sourceRef="tb" targetRef="ea" />
        </subProcess>
        """;

    [Fact]
    public async Task An_error_end_event_inside_is_caught_by_the_subprocess_boundary_and_cancels_the_other_tokens()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", SubWithTwoTasks + """
            <boundaryEvent id="failed" attachedToRef="sub"><errorEventDefinition errorRef="Err_Fail" /></boundaryEvent>
            <userTask id="after" />
            <userTask id="handle" />
            """ + Chain("s", "sub", "after") + Chain("failed", "handle") + "<startEvent id=\"s\" />"));
        var started = await h.StartAsync("p");
        started.ActiveActivityIds.Should().BeEquivalentTo(["ta", "tb"]);

        await h.CompleteAsync(started.Id, "ta", Vars.Of(("broken", true)));

        var after = await h.InstanceAsync(started.Id);
        after.ActiveActivityIds.Should().Equal("handle");
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("handle");
        (await h.HistoryAsync(started.Id, "TaskDeleted")).Should().Equal("tb");
    }

    [Fact]
    public async Task An_interrupting_timer_on_the_subprocess_cancels_everything_inside()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", SubWithTwoTasks + $"""
            <boundaryEvent id="late" attachedToRef="sub">{Timer("timeDuration", "PT2H")}</boundaryEvent>
            <userTask id="after" />
            <userTask id="escalated" />
            <startEvent id="s" />
            """ + Chain("s", "sub", "after") + Chain("late", "escalated")));
        var started = await h.StartAsync("p");
        await h.CompleteAsync(started.Id, "ta", Vars.Of(("broken", false)));
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("tb");

        await h.AdvanceAsync(TimeSpan.FromHours(3));

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("escalated");
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("escalated");
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_multi_instance_subprocess_runs_its_content_once_per_element()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <subProcess id="sub">
              <multiInstanceLoopCharacteristics camunda:collection="${ reviewers }" camunda:elementVariable="reviewer" />
              <startEvent id="sub_s" />
              <userTask id="review" camunda:assignee="${ reviewer }" />
              <serviceTask id="record" camunda:type="external" camunda:topic="work" />
              <endEvent id="sub_e" />
              <sequenceFlow id="fs1" sourceRef="sub_s" targetRef="review" />
              <sequenceFlow id="fs2" sourceRef="review" targetRef="record" />
              <sequenceFlow id="fs3" sourceRef="record" targetRef="sub_e" />
            </subProcess>
            <userTask id="after" />
            """ + Chain("s", "sub", "after")));
        var started = await h.StartAsync("p", Vars.Of(("reviewers", new List<object?> { "alice", "bob" })));
        var tasks = await h.TasksAsync(started.Id);
        tasks.Select(t => t.Assignee).Should().BeEquivalentTo(["alice", "bob"]);

        await h.Engine.CompleteTaskAsync(tasks.Single(t => t.Assignee == "bob").Id, null, Actor.System);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("review");
        await h.Engine.CompleteTaskAsync(tasks.Single(t => t.Assignee == "alice").Id, null, Actor.System);

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
        h.Script.Calls.Where(c => c.Topic == "work").Select(c => c.Variables["reviewer"]).Should().Equal("bob", "alice");
    }

    [Fact]
    public async Task A_variable_declared_as_subprocess_input_is_written_locally_and_mapped_out_by_an_output()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <subProcess id="sub">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="draft">empty</camunda:inputParameter>
                  <camunda:outputParameter name="letter">${ draft }</camunda:outputParameter>
                </camunda:inputOutput>
              </extensionElements>
              <startEvent id="sub_s" />
              <userTask id="write"><extensionElements><camunda:formData><camunda:formField id="draft" type="string" /><camunda:formField id="other" type="long" /></camunda:formData></extensionElements></userTask>
              <endEvent id="sub_e" />
              <sequenceFlow id="fs1" sourceRef="sub_s" targetRef="write" />
              <sequenceFlow id="fs2" sourceRef="write" targetRef="sub_e" />
            </subProcess>
            <userTask id="after" />
            """ + Chain("s", "sub", "after")));
        var started = await h.StartAsync("p");

        await h.CompleteAsync(started.Id, "write", Vars.Of(("draft", "final text"), ("other", 1L)));

        var after = await h.InstanceAsync(started.Id);
        after.ActiveActivityIds.Should().Equal("after");
        after.Variables.Should().Contain("letter", "final text").And.Contain("other", 1L).And.NotContainKey("draft");
    }
}
