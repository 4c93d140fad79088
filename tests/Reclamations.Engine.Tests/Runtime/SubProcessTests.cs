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
              <userTask id="inner" />
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
              <userTask id="ta" />
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
}
