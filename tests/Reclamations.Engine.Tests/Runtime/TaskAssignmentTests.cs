using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class TaskAssignmentTests
{
    private static readonly Actor Alice = new("alice", ["Juridique"]);
    private static readonly Actor Bob = new("bob", ["Juridique"]);
    private static readonly Actor Manager = new("manager", ["ComplaintsOfficer"]);

    private static async Task<(EngineHarness H, Guid Instance, Guid Task)> StartAsync()
    {
        var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """<startEvent id="s" /><userTask id="t" name="Traiter" camunda:candidateGroups="Juridique" /><endEvent id="e" />"""
            + Chain("s", "t", "e")));
        var started = await h.StartAsync("p");
        return (h, started.Id, (await h.SingleTaskAsync(started.Id)).Id);
    }

    private static async Task<HistoryEventInfo> SingleEvent(EngineHarness h, Guid instance, string type) =>
        (await h.Engine.GetHistoryAsync(instance, Actor.System)).Should().ContainSingle(e => e.EventType == type).Subject;

    [Fact]
    public async Task Claiming_sets_the_assignee_and_records_the_user()
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;

        await h.Engine.ClaimTaskAsync(taskId, Alice);

        (await h.Engine.GetTaskAsync(taskId, Actor.System)).Assignee.Should().Be("alice");
        (await h.Engine.QueryTasksAsync(new TaskQuery(Assignee: "alice"), Actor.System)).Should().ContainSingle(t => t.Id == taskId);
        var claimed = await SingleEvent(h, instance, "TaskClaimed");
        claimed.UserId.Should().Be("alice");
        claimed.TaskId.Should().Be(taskId);
        claimed.ActivityId.Should().Be("t");
    }

    [Fact]
    public async Task Claiming_again_by_the_same_user_is_harmless()
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;
        await h.Engine.ClaimTaskAsync(taskId, Alice);

        await h.Engine.ClaimTaskAsync(taskId, Alice);

        (await h.Engine.GetTaskAsync(taskId, Actor.System)).Assignee.Should().Be("alice");
        await SingleEvent(h, instance, "TaskClaimed");
    }

    [Fact]
    public async Task Claiming_a_task_claimed_by_someone_else_is_a_conflict_and_keeps_the_first_claim()
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;
        await h.Engine.ClaimTaskAsync(taskId, Alice);

        var act = () => h.Engine.ClaimTaskAsync(taskId, Bob);

        (await act.Should().ThrowAsync<ConflictException>()).WithMessage("*alice*");
        (await h.Engine.GetTaskAsync(taskId, Actor.System)).Assignee.Should().Be("alice");
        (await SingleEvent(h, instance, "TaskClaimed")).UserId.Should().Be("alice");
    }

    [Fact]
    public async Task Unclaiming_frees_the_task_for_another_claim()
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;
        await h.Engine.ClaimTaskAsync(taskId, Alice);

        await h.Engine.UnclaimTaskAsync(taskId, Alice);

        (await h.Engine.GetTaskAsync(taskId, Actor.System)).Assignee.Should().BeNull();
        (await SingleEvent(h, instance, "TaskUnclaimed")).UserId.Should().Be("alice");
        await h.Engine.ClaimTaskAsync(taskId, Bob);
        (await h.Engine.GetTaskAsync(taskId, Actor.System)).Assignee.Should().Be("bob");
    }

    [Fact]
    public async Task Assigning_sets_the_assignee_even_over_a_claim_and_records_who_assigned()
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;
        await h.Engine.ClaimTaskAsync(taskId, Alice);

        await h.Engine.AssignTaskAsync(taskId, "bob", Manager);

        (await h.Engine.GetTaskAsync(taskId, Actor.System)).Assignee.Should().Be("bob");
        var assigned = await SingleEvent(h, instance, "TaskAssigned");
        assigned.UserId.Should().Be("manager");
        assigned.Details.Should().Be("bob");
    }

    [Fact]
    public async Task Completing_records_the_acting_user_and_moves_the_token_on()
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;
        await h.Engine.ClaimTaskAsync(taskId, Alice);

        await h.Engine.CompleteTaskAsync(taskId, null, Alice);

        var completed = await SingleEvent(h, instance, "TaskCompleted");
        completed.UserId.Should().Be("alice");
        completed.TaskId.Should().Be(taskId);
        (await h.InstanceAsync(instance)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task Completing_an_already_completed_task_is_a_conflict()
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;
        await h.Engine.CompleteTaskAsync(taskId, null, Alice);

        var act = () => h.Engine.CompleteTaskAsync(taskId, null, Bob);

        (await act.Should().ThrowAsync<ConflictException>()).WithMessage("*already completed*");
        (await SingleEvent(h, instance, "TaskCompleted")).UserId.Should().Be("alice");
    }

    [Fact]
    public async Task Claiming_a_completed_task_is_a_conflict()
    {
        var (h, _, taskId) = await StartAsync();
        await using var __ = h;
        await h.Engine.CompleteTaskAsync(taskId, null, Alice);

        var act = () => h.Engine.ClaimTaskAsync(taskId, Bob);

        (await act.Should().ThrowAsync<ConflictException>()).WithMessage("*already completed*");
    }

    [Fact]
    public async Task An_unknown_task_is_not_found()
    {
        var (h, _, _) = await StartAsync();
        await using var __ = h;
        var unknown = Guid.NewGuid();

        await FluentActions.Awaiting(() => h.Engine.CompleteTaskAsync(unknown, null, Actor.System)).Should().ThrowAsync<NotFoundException>();
        await FluentActions.Awaiting(() => h.Engine.ClaimTaskAsync(unknown, Alice)).Should().ThrowAsync<NotFoundException>();
        await FluentActions.Awaiting(() => h.Engine.AssignTaskAsync(unknown, "alice", Actor.System)).Should().ThrowAsync<NotFoundException>();
        await FluentActions.Awaiting(() => h.Engine.UnclaimTaskAsync(unknown, Actor.System)).Should().ThrowAsync<NotFoundException>();
        await FluentActions.Awaiting(() => h.Engine.GetTaskAsync(unknown, Actor.System)).Should().ThrowAsync<NotFoundException>();
    }
}
