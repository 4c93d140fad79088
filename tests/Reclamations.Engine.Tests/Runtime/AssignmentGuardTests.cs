using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>A task listener guarding the assignment (the independent-reviewer rule, <see cref="IndependenceListener"/>) runs on
/// every path that gives the task to someone; whoever it refuses gets the task by none of them, and nothing is written.</summary>
public sealed class AssignmentGuardTests
{
    private const string Refusal = "Le réviseur ne peut pas être une personne visée par la réclamation";
    private static readonly Actor Mallory = new("mallory", ["Juridique"]);
    private static readonly Actor Alice = new("alice", ["Juridique"]);
    private static readonly Actor Officer = new("olivia", ["ComplaintsOfficer"]);

    private static string Review(string assignee = "") => Process("p", $"""
        <startEvent id="s" />
        <userTask id="t" name="Réviser" camunda:candidateGroups="Juridique" {assignee}>
          <extensionElements>
            <camunda:taskListener event="assignment" delegateExpression="${"{"}independence{"}"}" />
            {Form(("avis", "string"))}
          </extensionElements>
        </userTask>
        <endEvent id="e" />
        """ + Chain("s", "t", "e"));

    private static async Task<(EngineHarness H, Guid Instance, Guid Task)> StartAsync(bool claimedByAlice = false)
    {
        var h = await EngineHarness.StartAsync(b => b.AddTaskListener<IndependenceListener>("independence"));
        await h.DeployAsync(Review());
        var started = await h.StartAsync("p", Vars.Of(("personnesVisees", "mallory"), ("avis", "aucun")));
        var task = await h.SingleTaskAsync(started.Id);
        if (claimedByAlice) await h.Engine.ClaimTaskAsync(task.Id, Alice);
        return (h, started.Id, task.Id);
    }

    public static TheoryData<string> Paths() => ["claim", "complete by a candidate", "set assignee", "delegate", "delegate by a supervisor"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_rule_refuses_on_every_path_and_nothing_changes(string path)
    {
        var (h, instance, taskId) = await StartAsync(claimedByAlice: path == "delegate");
        await using var _ = h;
        var before = await h.Engine.GetTaskAsync(taskId, Actor.System);
        var history = await h.Engine.GetHistoryAsync(instance, Actor.System);

        Func<Task> act = path switch
        {
            "claim" => () => h.Engine.ClaimTaskAsync(taskId, Mallory),
            "complete by a candidate" => () => h.Engine.CompleteTaskAsync(taskId, Vars.Of(("avis", "rien à redire")), Mallory),
            "set assignee" => () => h.Engine.AssignTaskAsync(taskId, "mallory", Officer),
            "delegate" => () => h.Engine.DelegateTaskAsync(taskId, "mallory", Alice),
            "delegate by a supervisor" => () => h.Engine.DelegateTaskAsync(taskId, "mallory", Officer),
            _ => throw new ArgumentOutOfRangeException(nameof(path)),
        };

        (await act.Should().ThrowAsync<RejectedException>()).Which.Message.Should().Be(Refusal);
        (await h.Engine.GetTaskAsync(taskId, Actor.System)).Should().BeEquivalentTo(before);
        (await h.InstanceAsync(instance)).Variables["avis"].Should().Be("aucun");
        (await h.Engine.GetHistoryAsync(instance, Actor.System)).Should().BeEquivalentTo(history);
    }

    [Fact]
    public async Task The_rule_refuses_an_assignee_expression_and_the_step_that_created_the_task_is_undone()
    {
        await using var h = await EngineHarness.StartAsync(b => b.AddTaskListener<IndependenceListener>("independence"));
        await h.DeployAsync(Review("""camunda:assignee="${ reviewer }" """));

        var act = () => h.Engine.StartProcessAsync("p", "REC-9", Vars.Of(("reviewer", "mallory"), ("personnesVisees", "mallory")), Actor.System);

        (await act.Should().ThrowAsync<RejectedException>()).Which.Message.Should().Be(Refusal);
        (await h.Engine.FindProcessInstancesAsync("REC-9")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_delegation_to_someone_the_rule_accepts_goes_through_to_the_owners_completion()
    {
        var (h, instance, taskId) = await StartAsync(claimedByAlice: true);
        await using var _ = h;

        await h.Engine.DelegateTaskAsync(taskId, "bruno", Alice);
        await h.Engine.CompleteTaskAsync(taskId, Vars.Of(("avis", "fondée")), new Actor("bruno"));
        await h.Engine.CompleteTaskAsync(taskId, null, Alice);

        (await h.InstanceAsync(instance)).State.Should().Be("Completed");
        (await h.Engine.GetHistoryAsync(instance, Actor.System)).Should().ContainSingle(e => e.EventType == "TaskCompleted").Which.UserId.Should().Be("alice");
    }
}
