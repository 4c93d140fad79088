using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Who sees a task, through every task read (get, the query with each filter, the count): its assignee, its owner
/// (delegation), a candidate user, a member of a candidate group and the supervisors; nobody else.</summary>
public sealed class TaskVisibilityTests
{
    private static readonly Dictionary<string, Actor> Actors = new()
    {
        ["assignee"] = new("anna"),
        ["candidateUser"] = new("carla"),
        ["groupMember"] = new("gaston", ["Juridique"]),
        ["supervisor"] = new("olivia", ["ComplaintsOfficer"]),
        ["stranger"] = new("eve", ["Accounting"]),
    };

    private static readonly string TaskProcess = Process("p", """
        <startEvent id="s" />
        <userTask id="t" camunda:assignee="anna" camunda:candidateUsers="carla" camunda:candidateGroups="Juridique" />
        <endEvent id="e" />
        """ + Chain("s", "t", "e"));

    [Theory]
    [InlineData("assignee", true)]
    [InlineData("candidateUser", true)]
    [InlineData("groupMember", true)]
    [InlineData("supervisor", true)]
    [InlineData("stranger", false)]
    public async Task Who_sees_a_task(string who, bool sees)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(TaskProcess);
        var started = await h.StartAsync("p", businessKey: "REC-1");
        var task = await h.SingleTaskAsync(started.Id);
        var reader = Actors[who];

        var queries = new[]
        {
            new TaskQuery(), new TaskQuery(ProcessInstanceId: started.Id), new TaskQuery(BusinessKey: "REC-1"),
            new TaskQuery(Assignee: "anna"), new TaskQuery(CandidateGroup: "Juridique", IncludeAssigned: true),
            new TaskQuery(CandidateUser: "carla", IncludeAssigned: true),
        };
        foreach (var query in queries)
        {
            (await h.Engine.QueryTasksAsync(query, reader)).Select(t => t.Id).Should().Equal(sees ? [task.Id] : [], $"{who}, {query}");
            (await h.Engine.CountTasksAsync(query, reader)).Should().Be(sees ? 1 : 0, $"{who}, {query}");
        }
        if (sees) (await h.Engine.GetTaskAsync(task.Id, reader)).Should().BeEquivalentTo(task);
        else
            (await FluentActions.Awaiting(() => h.Engine.GetTaskAsync(task.Id, reader)).Should().ThrowAsync<NotFoundException>())
                .Which.Message.Should().Be($"Task '{task.Id}' does not exist.");
    }

    [Fact]
    public async Task The_owner_of_a_delegated_task_and_its_delegate_see_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(TaskProcess);
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id);
        await h.Engine.DelegateTaskAsync(task.Id, "dora", Actors["assignee"]);

        foreach (var reader in new[] { Actors["assignee"], new Actor("dora") })
        {
            (await h.Engine.QueryTasksAsync(new TaskQuery(), reader)).Should().ContainSingle(t => t.Id == task.Id && t.Owner == "anna");
            (await h.Engine.GetTaskAsync(task.Id, reader)).Assignee.Should().Be("dora");
        }
        (await h.Engine.QueryTasksAsync(new TaskQuery(), Actors["stranger"])).Should().BeEmpty();
    }

    [Fact]
    public async Task A_page_holds_only_visible_tasks_and_the_count_matches()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("q", """
            <startEvent id="s" />
            <parallelGateway id="fork" />
            <userTask id="mine" camunda:candidateGroups="Juridique" />
            <userTask id="other" camunda:candidateGroups="Accounting" />
            <userTask id="named" camunda:candidateUsers="gaston" camunda:candidateGroups="Accounting" />
            """ + Chain("s", "fork") + Flow("fork", "mine") + Flow("fork", "other") + Flow("fork", "named")));
        for (var i = 0; i < 3; i++) await h.StartAsync("q");
        var gaston = Actors["groupMember"];

        var all = await h.Engine.QueryTasksAsync(new TaskQuery(Take: 4), gaston);
        all.Should().HaveCount(4).And.OnlyContain(t => t.TaskDefinitionKey == "mine" || t.TaskDefinitionKey == "named");
        (await h.Engine.QueryTasksAsync(new TaskQuery(Skip: 4, Take: 10), gaston)).Should().HaveCount(2);
        (await h.Engine.CountTasksAsync(new TaskQuery(), gaston)).Should().Be(6);
        // Another group's inbox: only what is offered to him by name.
        (await h.Engine.QueryTasksAsync(new TaskQuery(CandidateGroup: "Accounting"), gaston)).Should().HaveCount(3)
            .And.OnlyContain(t => t.TaskDefinitionKey == "named");
        (await h.Engine.CountTasksAsync(new TaskQuery(CandidateGroup: "Accounting"), gaston)).Should().Be(3);
        (await h.Engine.CountTasksAsync(new TaskQuery(CandidateGroup: "Accounting"), Actors["supervisor"])).Should().Be(6);
    }
}
