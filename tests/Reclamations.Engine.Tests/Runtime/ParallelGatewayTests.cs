using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class ParallelGatewayTests
{
    [Fact]
    public async Task A_fork_runs_both_branches_and_the_join_continues_once()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <parallelGateway id="fork" />
            <serviceTask id="sa" camunda:type="external" camunda:topic="a" />
            <serviceTask id="sb" camunda:type="external" camunda:topic="b" />
            <parallelGateway id="join" />
            <serviceTask id="after" camunda:type="external" camunda:topic="c" />
            <endEvent id="e" />
            """ + Chain("s", "fork") + Chain("fork", "sa", "join") + Chain("fork", "sb", "join") + Chain("join", "after", "e")));

        var started = await h.StartAsync("p");

        started.State.Should().Be("Completed");
        h.Script.CallsTo("a").Should().Be(1);
        h.Script.CallsTo("b").Should().Be(1);
        h.Script.CallsTo("c").Should().Be(1);
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Where(id => id == "join").Should().HaveCount(1);
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Where(id => id == "e").Should().HaveCount(1);
    }

    [Fact]
    public async Task The_join_waits_for_every_branch()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <parallelGateway id="fork" />
            <userTask id="ta"><extensionElements><camunda:formData><camunda:formField id="a" type="string" /></camunda:formData></extensionElements></userTask>
            <userTask id="tb"><extensionElements><camunda:formData><camunda:formField id="b" type="string" /></camunda:formData></extensionElements></userTask>
            <parallelGateway id="join" />
            <userTask id="after" />
            """ + Chain("s", "fork") + Chain("fork", "ta", "join") + Chain("fork", "tb", "join") + Chain("join", "after")));
        var started = await h.StartAsync("p");
        started.ActiveActivityIds.Should().BeEquivalentTo(["ta", "tb"]);
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().BeEquivalentTo(["ta", "tb"]);

        await h.CompleteAsync(started.Id, "ta");

        var waiting = await h.InstanceAsync(started.Id);
        waiting.State.Should().Be("Active");
        waiting.ActiveActivityIds.Should().BeEquivalentTo(["join", "tb"]);
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("tb");

        await h.RestartAsync();
        await h.CompleteAsync(started.Id, "tb");

        var joined = await h.InstanceAsync(started.Id);
        joined.ActiveActivityIds.Should().Equal("after");
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("after");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Where(id => id == "join").Should().HaveCount(1);

        await h.CompleteAsync(started.Id, "after");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task Nested_fork_and_join_inside_a_branch()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <parallelGateway id="fork" />
            <userTask id="outer" />
            <parallelGateway id="fork2" />
            <userTask id="in1" />
            <userTask id="in2" />
            <parallelGateway id="join2" />
            <parallelGateway id="join" />
            <userTask id="after" />
            """ + Chain("s", "fork") + Chain("fork", "outer", "join") + Chain("fork", "fork2")
                + Chain("fork2", "in1", "join2") + Chain("fork2", "in2", "join2") + Chain("join2", "join") + Chain("join", "after")));
        var started = await h.StartAsync("p");
        started.ActiveActivityIds.Should().BeEquivalentTo(["outer", "in1", "in2"]);

        await h.CompleteAsync(started.Id, "in1");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().BeEquivalentTo(["outer", "join2", "in2"]);
        await h.CompleteAsync(started.Id, "outer");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().BeEquivalentTo(["join", "join2", "in2"]);
        await h.CompleteAsync(started.Id, "in2");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Count(id => id == "join").Should().Be(1);
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Count(id => id == "join2").Should().Be(1);
    }

    [Fact]
    public async Task Variables_set_on_both_branches_are_all_visible_after_the_join()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <parallelGateway id="fork" />
            <userTask id="ta"><extensionElements><camunda:formData><camunda:formField id="a" type="string" /></camunda:formData></extensionElements></userTask>
            <userTask id="tb"><extensionElements><camunda:formData><camunda:formField id="b" type="string" /></camunda:formData></extensionElements></userTask>
            <parallelGateway id="join" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <endEvent id="e" />
            """ + Chain("s", "fork") + Chain("fork", "ta", "join") + Chain("fork", "tb", "join") + Chain("join", "w", "e")));
        var started = await h.StartAsync("p");

        await h.CompleteAsync(started.Id, "tb", Vars.Of(("b", "from b")));
        await h.CompleteAsync(started.Id, "ta", Vars.Of(("a", "from a")));

        var call = h.Script.Calls.Should().ContainSingle(c => c.Topic == "work").Subject;
        call.Variables.Should().Contain("a", "from a").And.Contain("b", "from b");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task A_gateway_that_joins_and_forks_waits_then_splits()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <parallelGateway id="fork" />
            <userTask id="ta"><extensionElements><camunda:formData><camunda:formField id="a" type="string" /></camunda:formData></extensionElements></userTask>
            <userTask id="tb"><extensionElements><camunda:formData><camunda:formField id="b" type="string" /></camunda:formData></extensionElements></userTask>
            <parallelGateway id="both" />
            <userTask id="tc" />
            <userTask id="td" />
            """ + Chain("s", "fork") + Chain("fork", "ta", "both") + Chain("fork", "tb", "both") + Chain("both", "tc") + Chain("both", "td")));
        var started = await h.StartAsync("p");

        await h.CompleteAsync(started.Id, "ta");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().BeEquivalentTo(["both", "tb"]);
        await h.CompleteAsync(started.Id, "tb");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().BeEquivalentTo(["tc", "td"]);
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().BeEquivalentTo(["tc", "td"]);
    }
}
