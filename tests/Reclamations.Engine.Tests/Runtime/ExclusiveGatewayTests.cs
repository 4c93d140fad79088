using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class ExclusiveGatewayTests
{
    private static string Xml(bool withDefault) => Process("p", $"""
        <startEvent id="s" />
        <exclusiveGateway id="gw" {(withDefault ? "default=\"f_gw_small\"" : "")} />
        <userTask id="big" />
        <userTask id="small" />
        <endEvent id="e1" />
        <endEvent id="e2" />
        """ + Chain("s", "gw") + Flow("gw", "big", "${ amount > 1000 }")
            + (withDefault ? Flow("gw", "small") : Flow("gw", "small", "${ amount < 10 }"))
            + Chain("big", "e1") + Chain("small", "e2"));

    [Fact]
    public async Task A_true_condition_picks_its_path()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Xml(withDefault: true));

        var started = await h.StartAsync("p", Vars.Of(("amount", 5000L)));

        started.ActiveActivityIds.Should().Equal("big");
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("big");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "gw");
    }

    [Fact]
    public async Task The_default_flow_is_taken_when_no_condition_holds()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Xml(withDefault: true));

        var started = await h.StartAsync("p", Vars.Of(("amount", 200L)));

        started.ActiveActivityIds.Should().Equal("small");
        (await h.HistoryAsync(started.Id, "ActivityStarted")).Should().NotContain("big");
    }

    [Fact]
    public async Task The_default_flow_is_not_taken_when_a_condition_holds_even_if_listed_first()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <exclusiveGateway id="gw" default="f_gw_small" />
            <userTask id="small" />
            <userTask id="big" />
            """ + Chain("s", "gw") + Flow("gw", "small") + Flow("gw", "big", "${ amount > 1000 }")));

        var started = await h.StartAsync("p", Vars.Of(("amount", 1001L)));

        started.ActiveActivityIds.Should().Equal("big");
    }

    [Fact]
    public async Task Without_true_condition_nor_default_the_start_fails_naming_the_gateway_and_saves_nothing()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Xml(withDefault: false));

        var act = () => h.Engine.StartProcessAsync("p", "REC-1", Vars.Of(("amount", 500L)), Actor.System);

        (await act.Should().ThrowAsync<ProcessEngineException>()).Which.Message.Should().Contain("'gw'");
        (await h.Engine.FindProcessInstancesAsync("REC-1")).Should().BeEmpty();
    }

    [Fact]
    public async Task Without_true_condition_nor_default_completing_a_task_fails_and_leaves_the_task_open()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t"><extensionElements><camunda:formData><camunda:formField id="amount" type="long" /></camunda:formData></extensionElements></userTask>
            <exclusiveGateway id="gw" />
            <userTask id="big" />
            <userTask id="small" />
            """ + Chain("s", "t", "gw") + Flow("gw", "big", "${ amount > 1000 }") + Flow("gw", "small", "${ amount < 10 }")));
        var started = await h.StartAsync("p", Vars.Of(("amount", 5L)));
        var task = await h.SingleTaskAsync(started.Id, "t");
        var historyBefore = (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Count;

        var act = () => h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("amount", 500L)), Actor.System);

        (await act.Should().ThrowAsync<ProcessEngineException>()).Which.Message.Should().Contain("exclusive gateway 'gw'");
        var after = await h.InstanceAsync(started.Id);
        after.State.Should().Be("Active");
        after.ActiveActivityIds.Should().Equal("t");
        after.Variables["amount"].Should().Be(5L);
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().HaveCount(historyBefore);

        // The task can still be completed with a value that satisfies a condition.
        await h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("amount", 5000L)), Actor.System);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("big");
    }

    [Fact]
    public async Task A_conditional_flow_out_of_a_task_is_taken_only_when_it_holds()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <task id="t" default="f_t_low" />
            <userTask id="high" />
            <userTask id="low" />
            """ + Chain("s", "t") + Flow("t", "high", "${ amount > 1000 }") + Flow("t", "low")));

        (await h.StartAsync("p", Vars.Of(("amount", 2000L)))).ActiveActivityIds.Should().Equal("high");
        (await h.StartAsync("p", Vars.Of(("amount", 20L)))).ActiveActivityIds.Should().Equal("low");
    }

    [Fact]
    public async Task When_several_conditions_hold_only_the_first_flow_in_document_order_is_taken()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <exclusiveGateway id="gw" />
            <userTask id="second" />
            <userTask id="first" />
            """ + Chain("s", "gw") + Flow("gw", "first", "${ amount > 10 }") + Flow("gw", "second", "${ amount > 1 }")));

        var started = await h.StartAsync("p", Vars.Of(("amount", 100L)));

        started.ActiveActivityIds.Should().Equal("first");
        (await h.TasksAsync(started.Id)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_merging_exclusive_gateway_passes_each_token_through_without_waiting()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <parallelGateway id="fork" />
            <userTask id="ta" />
            <userTask id="tb" />
            <exclusiveGateway id="merge" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <endEvent id="e" />
            """ + Chain("s", "fork") + Chain("fork", "ta", "merge") + Chain("fork", "tb", "merge") + Chain("merge", "w", "e")));
        var started = await h.StartAsync("p");

        await h.CompleteAsync(started.Id, "ta");
        h.Script.CallsTo("work").Should().Be(1);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("tb");
        await h.CompleteAsync(started.Id, "tb");

        h.Script.CallsTo("work").Should().Be(2);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }
}
