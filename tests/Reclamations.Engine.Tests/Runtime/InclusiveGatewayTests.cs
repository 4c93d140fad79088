using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class InclusiveGatewayTests
{
    /// <summary>fork → ta (x), tb (y), tc (z) → join → after.</summary>
    private static string ThreeWay(string defaultAttr = "", string cFlow = "${ z }") => Process("p", $"""
        <startEvent id="s" />
        <inclusiveGateway id="fork" {defaultAttr} />
        <userTask id="ta" />
        <userTask id="tb"><extensionElements><camunda:formData><camunda:formField id="stop" type="boolean" /><camunda:formField id="detour" type="boolean" /></camunda:formData></extensionElements></userTask>
        <userTask id="tc" />
        <inclusiveGateway id="join" />
        <userTask id="after" />
        """ + Chain("s", "fork")
            + Flow("fork", "ta", "${ x }") + Flow("fork", "tb", "${ y }") + (cFlow == "" ? Flow("fork", "tc") : Flow("fork", "tc", cFlow))
            + Chain("ta", "join") + Chain("tb", "join") + Chain("tc", "join") + Chain("join", "after"));

    [Fact]
    public async Task Only_the_one_flow_whose_condition_holds_is_taken_and_the_join_does_not_wait()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ThreeWay());

        var started = await h.StartAsync("p", Vars.Of(("x", false), ("y", true), ("z", false)));

        started.ActiveActivityIds.Should().Equal("tb");
        await h.CompleteAsync(started.Id, "tb");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
        var startedIds = await h.HistoryAsync(started.Id, "ActivityStarted");
        startedIds.Should().NotContain("ta").And.NotContain("tc");
    }

    [Fact]
    public async Task Two_of_three_flows_are_taken_and_the_join_waits_for_those_two_only()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ThreeWay());

        var started = await h.StartAsync("p", Vars.Of(("x", true), ("y", false), ("z", true)));

        started.ActiveActivityIds.Should().BeEquivalentTo(["ta", "tc"]);
        await h.CompleteAsync(started.Id, "tc");
        var waiting = await h.InstanceAsync(started.Id);
        waiting.ActiveActivityIds.Should().BeEquivalentTo(["ta", "join"]);
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("ta");

        await h.CompleteAsync(started.Id, "ta");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Count(id => id == "join").Should().Be(1);
    }

    [Fact]
    public async Task The_default_flow_is_taken_when_no_condition_holds()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ThreeWay(defaultAttr: "default=\"f_fork_tc\"", cFlow: ""));

        var none = await h.StartAsync("p", Vars.Of(("x", false), ("y", false)));
        none.ActiveActivityIds.Should().Equal("tc");

        var some = await h.StartAsync("p", Vars.Of(("x", true), ("y", false)));
        some.ActiveActivityIds.Should().Equal("ta");
    }

    [Fact]
    public async Task A_taken_path_that_ends_before_the_join_does_not_block_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <inclusiveGateway id="fork" />
            <userTask id="ta" />
            <userTask id="tb"><extensionElements><camunda:formData><camunda:formField id="stop" type="boolean" /><camunda:formField id="detour" type="boolean" /></camunda:formData></extensionElements></userTask>
            <exclusiveGateway id="xor" default="f_xor_join" />
            <endEvent id="early" />
            <inclusiveGateway id="join" />
            <userTask id="after" />
            """ + Chain("s", "fork") + Flow("fork", "ta", "${ true }") + Flow("fork", "tb", "${ true }")
                + Chain("ta", "join") + Chain("tb", "xor") + Flow("xor", "early", "${ stop }") + Flow("xor", "join")
                + Chain("join", "after")));
        var started = await h.StartAsync("p", Vars.Of(("stop", false)));
        started.ActiveActivityIds.Should().BeEquivalentTo(["ta", "tb"]);

        await h.CompleteAsync(started.Id, "ta");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().BeEquivalentTo(["join", "tb"]);

        await h.CompleteAsync(started.Id, "tb", Vars.Of(("stop", true)));

        var after = await h.InstanceAsync(started.Id);
        after.ActiveActivityIds.Should().Equal("after");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Contain("early");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Count(id => id == "join").Should().Be(1);
    }

    [Fact]
    public async Task A_join_fed_by_a_parallel_split_waits_for_all_tokens_that_can_still_arrive()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <parallelGateway id="fork" />
            <serviceTask id="sa" camunda:type="external" camunda:topic="a" />
            <userTask id="tb"><extensionElements><camunda:formData><camunda:formField id="stop" type="boolean" /><camunda:formField id="detour" type="boolean" /></camunda:formData></extensionElements></userTask>
            <inclusiveGateway id="join" />
            <serviceTask id="after" camunda:type="external" camunda:topic="c" />
            <endEvent id="e" />
            """ + Chain("s", "fork") + Chain("fork", "sa", "join") + Chain("fork", "tb", "join") + Chain("join", "after", "e")));

        var started = await h.StartAsync("p");
        started.ActiveActivityIds.Should().BeEquivalentTo(["join", "tb"]);
        h.Script.CallsTo("c").Should().Be(0);

        await h.CompleteAsync(started.Id, "tb");

        h.Script.CallsTo("c").Should().Be(1);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task An_inclusive_fork_and_join_inside_a_subprocess_ignore_tokens_outside_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <parallelGateway id="outerFork" />
            <userTask id="outside" />
            <subProcess id="sub">
              <startEvent id="sub_s" />
              <inclusiveGateway id="fork" />
              <userTask id="ta" />
              <userTask id="tb"><extensionElements><camunda:formData><camunda:formField id="stop" type="boolean" /><camunda:formField id="detour" type="boolean" /></camunda:formData></extensionElements></userTask>
              <inclusiveGateway id="join" />
              <endEvent id="sub_e" />
              <sequenceFlow id="fs1" sourceRef="sub_s" targetRef="fork" />
              <sequenceFlow id="fs2" sourceRef="fork" targetRef="ta"><conditionExpression xsi:type="tFormalExpression">${ a }</conditionExpression></sequenceFlow>
              <sequenceFlow id="fs3" sourceRef="fork" targetRef="tb"><conditionExpression xsi:type="tFormalExpression">${ b }</conditionExpression></sequenceFlow>
              <sequenceFlow id="fs4" sourceRef="ta" targetRef="join" />
              <sequenceFlow id="fs5" sourceRef="tb" targetRef="join" />
              <sequenceFlow id="fs6" sourceRef="join" targetRef="sub_e" />
            </subProcess>
            <userTask id="afterSub" />
            """ + Chain("s", "outerFork") + Chain("outerFork", "outside") + Chain("outerFork", "sub", "afterSub")));
        var started = await h.StartAsync("p", Vars.Of(("a", true), ("b", true)));
        started.ActiveActivityIds.Should().BeEquivalentTo(["outside", "ta", "tb"]);

        await h.CompleteAsync(started.Id, "tb");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().BeEquivalentTo(["outside", "ta", "join"]);
        await h.CompleteAsync(started.Id, "ta");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().BeEquivalentTo(["outside", "afterSub"]);
    }

    [Fact]
    public async Task No_true_condition_and_no_default_fails_naming_the_gateway()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ThreeWay());

        var act = () => h.Engine.StartProcessAsync("p", "REC-IG", Vars.Of(("x", false), ("y", false), ("z", false)), Actor.System);

        (await act.Should().ThrowAsync<Reclamations.Engine.Runtime.ProcessEngineException>()).Which.Message.Should()
            .Contain("inclusive gateway 'fork'");
        (await h.Engine.FindProcessInstancesAsync("REC-IG")).Should().BeEmpty();
    }

    [Fact]
    public async Task The_join_fires_as_soon_as_the_other_token_waits_somewhere_it_cannot_reach_the_join_from()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <inclusiveGateway id="fork" />
            <userTask id="ta" />
            <userTask id="tb"><extensionElements><camunda:formData><camunda:formField id="stop" type="boolean" /><camunda:formField id="detour" type="boolean" /></camunda:formData></extensionElements></userTask>
            <exclusiveGateway id="xor" default="f_xor_join" />
            <userTask id="detour" />
            <endEvent id="detourEnd" />
            <inclusiveGateway id="join" />
            <userTask id="after" />
            """ + Chain("s", "fork") + Flow("fork", "ta", "${ true }") + Flow("fork", "tb", "${ true }")
                + Chain("ta", "join") + Chain("tb", "xor") + Flow("xor", "detour", "${ detour }") + Flow("xor", "join")
                + Chain("detour", "detourEnd") + Chain("join", "after")));
        var started = await h.StartAsync("p", Vars.Of(("detour", false)));
        await h.CompleteAsync(started.Id, "ta");

        await h.CompleteAsync(started.Id, "tb", Vars.Of(("detour", true)));

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().BeEquivalentTo(["detour", "after"]);
    }
}
