using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class ConcurrencyTests
{
    private static readonly Actor Alice = new("alice", ["Staff"]);
    private static readonly Actor Bob = new("bob", ["Staff"]);

    private static readonly string TwoSteps = Process("p", """<startEvent id="s" /><userTask id="t" name="t" camunda:candidateGroups="Staff"><extensionElements><camunda:formData><camunda:formField id="by" type="string" /></camunda:formData></extensionElements></userTask>"""
        + Service("w", "work") + """<userTask id="t2" name="t2" /><endEvent id="e" />""" + Chain("s", "t", "w", "t2", "e"));

    /// <summary>Runs both calls at the same moment; returns each outcome (null = success).</summary>
    private static async Task<Exception?[]> RaceAsync(Func<Task> first, Func<Task> second)
    {
        using var gate = new ManualResetEventSlim(false);
        async Task<Exception?> Run(Func<Task> call)
        {
            await Task.Yield();
            gate.Wait();
            try
            {
                await call();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }
        var a = Task.Run(() => Run(first));
        var b = Task.Run(() => Run(second));
        await Task.Delay(50);
        gate.Set();
        return await Task.WhenAll(a, b);
    }

    [Fact]
    public async Task Two_nodes_completing_the_same_task_at_once_move_the_instance_once()
    {
        await using var h = await EngineHarness.StartAsync();
        await using var node2 = h.OpenSecondNode();
        await h.DeployAsync(TwoSteps);

        for (var round = 0; round < 5; round++)
        {
            var started = await h.StartAsync("p");
            var task = await h.SingleTaskAsync(started.Id);

            var outcomes = await RaceAsync(
                () => h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("by", "alice")), Alice),
                () => node2.Engine.CompleteTaskAsync(task.Id, Vars.Of(("by", "bob")), Bob));

            outcomes.Count(o => o is null).Should().Be(1, $"exactly one completion wins (round {round}): {string.Join(" | ", outcomes.Select(o => o?.ToString()))}");
            outcomes.Single(o => o is not null).Should().BeOfType<ConflictException>();
            var winner = outcomes[0] is null ? "alice" : "bob";
            var history = await h.Engine.GetHistoryAsync(started.Id, Actor.System);
            history.Should().ContainSingle(e => e.EventType == "TaskCompleted").Which.UserId.Should().Be(winner);
            history.Count(e => e.EventType == "ActivityStarted" && e.ActivityId == "w").Should().Be(1);
            var instance = await h.InstanceAsync(started.Id);
            instance.ActiveActivityIds.Should().Equal("t2");
            instance.Variables["by"].Should().Be(winner);
            (await h.TasksAsync(started.Id)).Should().ContainSingle(t => t.TaskDefinitionKey == "t2");
        }
        h.Script.CallsTo("work").Should().Be(5);
    }

    [Fact]
    public async Task Two_nodes_claiming_the_same_task_at_once_give_it_to_one_user()
    {
        await using var h = await EngineHarness.StartAsync();
        await using var node2 = h.OpenSecondNode();
        await h.DeployAsync(TwoSteps);

        for (var round = 0; round < 5; round++)
        {
            var started = await h.StartAsync("p");
            var task = await h.SingleTaskAsync(started.Id);

            var outcomes = await RaceAsync(
                () => h.Engine.ClaimTaskAsync(task.Id, Alice),
                () => node2.Engine.ClaimTaskAsync(task.Id, Bob));

            outcomes.Count(o => o is null).Should().Be(1);
            outcomes.Single(o => o is not null).Should().BeOfType<ConflictException>();
            var winner = outcomes[0] is null ? "alice" : "bob";
            (await h.Engine.GetTaskAsync(task.Id, Actor.System)).Assignee.Should().Be(winner);
            (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "TaskClaimed")
                .Which.UserId.Should().Be(winner);
        }
    }

    [Fact]
    public async Task A_node_acting_on_a_stale_read_sees_the_other_nodes_completion()
    {
        await using var h = await EngineHarness.StartAsync();
        await using var node2 = h.OpenSecondNode();
        await h.DeployAsync(TwoSteps);
        var started = await h.StartAsync("p");
        var task = await node2.Engine.GetTaskAsync((await h.SingleTaskAsync(started.Id)).Id, Actor.System);

        await h.Engine.CompleteTaskAsync(task.Id, null, Alice);
        var act = () => node2.Engine.CompleteTaskAsync(task.Id, null, Bob);

        (await act.Should().ThrowAsync<ConflictException>()).WithMessage("*already completed*");
        (await h.HistoryAsync(started.Id, "TaskCompleted")).Should().ContainSingle();
    }
}
