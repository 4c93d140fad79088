using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class MultiInstanceTests
{
    private static readonly List<object?> Reviewers = ["alice", "bob", "carol"];

    private static string Loop(bool sequential, string collection = "${ reviewers }", string extra = "") =>
        $"""<multiInstanceLoopCharacteristics isSequential="{(sequential ? "true" : "false")}" camunda:collection="{collection}" camunda:elementVariable="reviewer">{extra}</multiInstanceLoopCharacteristics>""";

    private static string ReviewProcess(bool sequential, string collection = "${ reviewers }", string extra = "") => Process("p", $$"""
        <startEvent id="s" />
        <userTask id="review" camunda:assignee="${ reviewer }"><extensionElements><camunda:formData><camunda:formField id="approved" type="boolean" /></camunda:formData></extensionElements>{{Loop(sequential, collection, extra)}}</userTask>
        <userTask id="after" />
        """ + Chain("s", "review", "after"));

    private static string WorkProcess(bool sequential, string collection = "reviewers") => Process("p", $"""
        <startEvent id="s" />
        <serviceTask id="w" camunda:type="external" camunda:topic="work">{Loop(sequential, collection)}</serviceTask>
        <serviceTask id="after" camunda:type="external" camunda:topic="check" />
        <endEvent id="e" />
        """ + Chain("s", "w", "after", "e"));

    [Theory]
    [InlineData("${ reviewers }")]
    [InlineData("reviewers")]
    public async Task Parallel_user_tasks_one_per_element_assigned_by_the_element_variable(string collection)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ReviewProcess(sequential: false, collection));

        var started = await h.StartAsync("p", Vars.Of(("reviewers", Reviewers)));

        var tasks = await h.TasksAsync(started.Id);
        tasks.Select(t => t.Assignee).Should().BeEquivalentTo(["alice", "bob", "carol"]);
        tasks.Should().OnlyContain(t => t.TaskDefinitionKey == "review");
        started.ActiveActivityIds.Should().Equal("review");

        await h.Engine.CompleteTaskAsync(tasks.Single(t => t.Assignee == "bob").Id, null, Actor.System);
        await h.Engine.CompleteTaskAsync(tasks.Single(t => t.Assignee == "alice").Id, null, Actor.System);
        (await h.TasksAsync(started.Id)).Select(t => t.Assignee).Should().Equal("carol");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("review");

        await h.Engine.CompleteTaskAsync(tasks.Single(t => t.Assignee == "carol").Id, null, Actor.System);

        var after = await h.InstanceAsync(started.Id);
        after.ActiveActivityIds.Should().Equal("after");
        after.Variables.Should().NotContainKey("reviewer").And.NotContainKey("loopCounter").And.NotContainKey("nrOfInstances");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Count(id => id == "review").Should().Be(4, "three instances and the body");
    }

    [Fact]
    public async Task Sequential_user_tasks_are_created_one_at_a_time_in_collection_order()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ReviewProcess(sequential: true));
        var started = await h.StartAsync("p", Vars.Of(("reviewers", Reviewers)));

        foreach (var reviewer in Reviewers)
        {
            var task = await h.SingleTaskAsync(started.Id);
            task.Assignee.Should().Be((string)reviewer!);
            await h.RestartAsync();
            await h.Engine.CompleteTaskAsync(task.Id, null, Actor.System);
        }

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
    }

    [Fact]
    public async Task Parallel_service_task_sees_element_variable_loop_counter_and_counts()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WorkProcess(sequential: false));

        var started = await h.StartAsync("p", Vars.Of(("reviewers", Reviewers)));

        started.State.Should().Be("Completed");
        var calls = h.Script.Calls.Where(c => c.Topic == "work").ToList();
        calls.Should().HaveCount(3);
        calls.Select(c => c.Variables["reviewer"]).Should().Equal("alice", "bob", "carol");
        calls.Select(c => c.Variables["loopCounter"]).Should().Equal(0L, 1L, 2L);
        calls.Should().OnlyContain(c => Equals(c.Variables["nrOfInstances"], 3L));
        calls.Select(c => c.Variables["nrOfCompletedInstances"]).Should().Equal(0L, 1L, 2L);
        h.Script.Calls.Single(c => c.Topic == "check").Variables.Should().NotContainKey("reviewer").And.NotContainKey("nrOfInstances");
    }

    [Fact]
    public async Task Sequential_service_task_runs_in_order_with_counts()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WorkProcess(sequential: true, collection: "${ reviewers }"));

        var started = await h.StartAsync("p", Vars.Of(("reviewers", Reviewers)));

        started.State.Should().Be("Completed");
        var calls = h.Script.Calls.Where(c => c.Topic == "work").ToList();
        calls.Select(c => c.Variables["reviewer"]).Should().Equal("alice", "bob", "carol");
        calls.Select(c => c.Variables["loopCounter"]).Should().Equal(0L, 1L, 2L);
        calls.Select(c => c.Variables["nrOfCompletedInstances"]).Should().Equal(0L, 1L, 2L);
        calls.Select(c => c.Variables["nrOfActiveInstances"]).Should().Equal(1L, 1L, 1L);
        calls.Should().OnlyContain(c => Equals(c.Variables["nrOfInstances"], 3L));
    }

    [Fact]
    public async Task The_completion_condition_ends_the_loop_early_and_cancels_the_remaining_tasks()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ReviewProcess(sequential: false,
            extra: "<completionCondition xsi:type=\"tFormalExpression\">${ nrOfCompletedInstances &gt;= 2 }</completionCondition>"));
        var started = await h.StartAsync("p", Vars.Of(("reviewers", Reviewers)));
        var tasks = await h.TasksAsync(started.Id);

        await h.Engine.CompleteTaskAsync(tasks.Single(t => t.Assignee == "alice").Id, null, Actor.System);
        (await h.TasksAsync(started.Id)).Should().HaveCount(2);
        await h.Engine.CompleteTaskAsync(tasks.Single(t => t.Assignee == "carol").Id, null, Actor.System);

        var after = await h.InstanceAsync(started.Id);
        after.ActiveActivityIds.Should().Equal("after");
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("after");
        var deleted = (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Where(e => e.EventType == "TaskDeleted").ToList();
        deleted.Should().ContainSingle().Which.TaskId.Should().Be(tasks.Single(t => t.Assignee == "bob").Id);
    }

    [Fact]
    public async Task An_empty_collection_passes_straight_through()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ReviewProcess(sequential: false));

        var started = await h.StartAsync("p", Vars.Of(("reviewers", new List<object?>())));

        started.ActiveActivityIds.Should().Equal("after");
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("after");
        (await h.HistoryAsync(started.Id, "TaskCreated")).Should().Equal("after");
    }

    [Fact]
    public async Task An_empty_collection_passes_straight_through_a_sequential_loop()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WorkProcess(sequential: true));

        var started = await h.StartAsync("p", Vars.Of(("reviewers", new List<object?>())));

        started.State.Should().Be("Completed");
        h.Script.CallsTo("work").Should().Be(0);
        h.Script.CallsTo("check").Should().Be(1);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("${ copies }")]
    public async Task Loop_cardinality_runs_the_activity_that_many_times(string cardinality)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work">
              <multiInstanceLoopCharacteristics isSequential="true"><loopCardinality xsi:type="tFormalExpression">{cardinality}</loopCardinality></multiInstanceLoopCharacteristics>
            </serviceTask>
            <endEvent id="e" />
            """ + Chain("s", "w", "e")));

        var started = await h.StartAsync("p", Vars.Of(("copies", 3L)));

        started.State.Should().Be("Completed");
        h.Script.Calls.Where(c => c.Topic == "work").Select(c => c.Variables["loopCounter"]).Should().Equal(0L, 1L, 2L);
    }

    [Fact]
    public async Task A_collection_that_is_not_a_list_fails_naming_the_activity()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ReviewProcess(sequential: false));

        var act = () => h.Engine.StartProcessAsync("p", "REC-MI", Vars.Of(("reviewers", "alice")), Actor.System);

        (await act.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("'review'");
        (await h.Engine.FindProcessInstancesAsync("REC-MI")).Should().BeEmpty();
    }

    [Fact]
    public async Task An_interrupting_timer_on_a_multi_instance_task_cancels_every_instance()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $$"""
            <startEvent id="s" />
            <userTask id="review" camunda:assignee="${ reviewer }">{{Loop(sequential: false)}}</userTask>
            <boundaryEvent id="late" attachedToRef="review">{{Timer("timeDuration", "P2D")}}</boundaryEvent>
            <userTask id="after" />
            <userTask id="escalated" />
            """ + Chain("s", "review", "after") + Chain("late", "escalated")));
        var started = await h.StartAsync("p", Vars.Of(("reviewers", Reviewers)));
        await h.Engine.CompleteTaskAsync((await h.TasksAsync(started.Id)).Single(t => t.Assignee == "alice").Id, null, Actor.System);

        await h.AdvanceAsync(TimeSpan.FromDays(3));

        var after = await h.InstanceAsync(started.Id);
        after.ActiveActivityIds.Should().Equal("escalated");
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("escalated");
        (await h.HistoryAsync(started.Id, "TaskDeleted")).Should().HaveCount(2);
    }

    [Fact]
    public async Task Handler_results_of_each_instance_become_process_variables()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WorkProcess(sequential: true));
        h.Script.Results["work"] = new() { ["lastReviewed"] = "yes" };

        var started = await h.StartAsync("p", Vars.Of(("reviewers", Reviewers)));

        started.State.Should().Be("Completed");
        started.Variables.Should().Contain("lastReviewed", "yes");
    }

    [Fact]
    public async Task A_bpmn_error_from_one_instance_is_caught_on_the_multi_instance_activity_and_stops_the_others()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work">{Loop(sequential: false)}</serviceTask>
            <boundaryEvent id="failed" attachedToRef="w"><errorEventDefinition errorRef="Err_Fail" /></boundaryEvent>
            <userTask id="after" />
            <userTask id="handle" />
            """ + Chain("s", "w", "after") + Chain("failed", "handle")));
        h.Script.BpmnErrors["work"] = "FAIL";

        var started = await h.StartAsync("p", Vars.Of(("reviewers", Reviewers)));

        started.ActiveActivityIds.Should().Equal("handle");
        h.Script.CallsTo("work").Should().Be(1);
        started.Variables.Should().NotContainKey("nrOfInstances").And.NotContainKey("reviewer");
    }

    [Fact]
    public async Task The_element_variable_can_be_an_object_read_by_nested_expressions()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="review" camunda:assignee="${ reviewer.login }" camunda:candidateGroups="${ reviewer.team }">
              <multiInstanceLoopCharacteristics camunda:collection="reviewers" camunda:elementVariable="reviewer" />
            </userTask>
            """ + Chain("s", "review")));

        var started = await h.StartAsync("p", Vars.Of(("reviewers", new List<object?>
        {
            new Dictionary<string, object?> { ["login"] = "alice", ["team"] = "Legal" },
            new Dictionary<string, object?> { ["login"] = "bob", ["team"] = "Claims" },
        })));

        var tasks = await h.TasksAsync(started.Id);
        tasks.Select(t => (t.Assignee, t.CandidateGroups.Single())).Should().BeEquivalentTo([("alice", "Legal"), ("bob", "Claims")]);
    }

    [Fact]
    public async Task A_sequential_loop_stops_when_its_completion_condition_holds()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ReviewProcess(sequential: true,
            extra: "<completionCondition xsi:type=\"tFormalExpression\">${ approved }</completionCondition>"));
        var started = await h.StartAsync("p", Vars.Of(("reviewers", Reviewers), ("approved", false)));

        await h.CompleteAsync(started.Id, "review", Vars.Of(("approved", false)));
        (await h.SingleTaskAsync(started.Id)).Assignee.Should().Be("bob");
        await h.CompleteAsync(started.Id, "review", Vars.Of(("approved", true)));

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
        (await h.HistoryAsync(started.Id, "TaskCreated")).Should().Equal("review", "review", "after");
    }

    [Fact]
    public async Task History_records_a_start_for_the_body_and_each_instance_matching_their_ends()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ReviewProcess(sequential: false,
            extra: "<completionCondition xsi:type=\"tFormalExpression\">${ nrOfCompletedInstances &gt;= 2 }</completionCondition>"));
        var started = await h.StartAsync("p", Vars.Of(("reviewers", Reviewers)));
        var tasks = await h.TasksAsync(started.Id);

        await h.Engine.CompleteTaskAsync(tasks[0].Id, null, Actor.System);
        await h.Engine.CompleteTaskAsync(tasks[1].Id, null, Actor.System);

        var history = (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Where(e => e.ActivityId == "review").ToList();
        history.Count(e => e.EventType == "ActivityStarted").Should().Be(4, "the body and three instances started");
        history.Count(e => e.EventType == "ActivityCompleted").Should().Be(3, "two instances and the body completed");
        history.Count(e => e.EventType == "ActivityCancelled").Should().Be(1, "the third instance was cancelled");
    }

    [Fact]
    public async Task A_completion_condition_with_an_unknown_variable_fails_naming_the_activity_and_the_variable()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ReviewProcess(sequential: false,
            extra: "<completionCondition xsi:type=\"tFormalExpression\">${ aproved }</completionCondition>"));
        var started = await h.StartAsync("p", Vars.Of(("reviewers", Reviewers)));
        var task = (await h.TasksAsync(started.Id))[0];

        var act = () => h.Engine.CompleteTaskAsync(task.Id, null, Actor.System);

        (await act.Should().ThrowAsync<Reclamations.Engine.Runtime.ProcessEngineException>()).Which.Message.Should()
            .Contain("'review'").And.Contain("unknown variable 'aproved'");
        (await h.TasksAsync(started.Id)).Should().HaveCount(3);
    }
}
