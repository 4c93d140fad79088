using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class UserTaskTests
{
    private static readonly TimeSpan Paris = TimeSpan.FromHours(1); // Epoch is in winter time

    private static string OneTask(string attributes) =>
        Process("p", $"""<startEvent id="s" />{UserTask("t", attributes)}<endEvent id="e" />""" + Chain("s", "t", "e"));

    [Fact]
    public async Task A_literal_assignee_is_set_on_the_task()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:assignee="alice" """));
        var started = await h.StartAsync("p");

        (await h.SingleTaskAsync(started.Id)).Assignee.Should().Be("alice");
    }

    [Fact]
    public async Task An_expression_assignee_is_evaluated_against_the_variables()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:assignee="${ handler }" """));
        var started = await h.StartAsync("p", Vars.Of(("handler", "bob")));

        (await h.SingleTaskAsync(started.Id)).Assignee.Should().Be("bob");
    }

    [Fact]
    public async Task Candidate_lists_are_split_on_commas_and_trimmed()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:candidateUsers="alice, bob ,carol" camunda:candidateGroups="Juridique,  Qualite" """));
        var started = await h.StartAsync("p");

        var task = await h.SingleTaskAsync(started.Id);
        task.CandidateUsers.Should().Equal("alice", "bob", "carol");
        task.CandidateGroups.Should().Equal("Juridique", "Qualite");
        task.Assignee.Should().BeNull();
    }

    [Fact]
    public async Task Candidate_groups_from_an_expression_returning_a_comma_list()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:candidateGroups="${ groups }" camunda:candidateUsers="${ reviewer }" """));
        var started = await h.StartAsync("p", Vars.Of(("groups", "Juridique,Direction"), ("reviewer", "dora")));

        var task = await h.SingleTaskAsync(started.Id);
        task.CandidateGroups.Should().Equal("Juridique", "Direction");
        task.CandidateUsers.Should().Equal("dora");
        (await h.Engine.QueryTasksAsync(new TaskQuery(CandidateGroup: "Direction"), Actor.System)).Should().ContainSingle(t => t.Id == task.Id);
    }

    [Fact]
    public async Task Candidate_groups_from_an_expression_returning_a_list()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:candidateGroups="${ groups }" """));
        var started = await h.StartAsync("p", Vars.Of(("groups", new List<object?> { "Juridique", "Direction" })));

        var task = await h.SingleTaskAsync(started.Id);
        task.CandidateGroups.Should().Equal("Juridique", "Direction");
        (await h.Engine.QueryTasksAsync(new TaskQuery(CandidateGroup: "Juridique"), Actor.System)).Should().ContainSingle(t => t.Id == task.Id);
    }

    [Fact]
    public async Task A_due_date_given_as_an_iso_date_time()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:dueDate="2026-04-01T17:00:00+02:00" """));
        var started = await h.StartAsync("p");

        (await h.SingleTaskAsync(started.Id)).DueDate.Should().Be(new DateTimeOffset(2026, 4, 1, 17, 0, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public async Task A_due_date_given_as_a_local_iso_date_is_midnight_in_the_engine_zone()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:dueDate="2026-03-20" """));
        var started = await h.StartAsync("p");

        (await h.SingleTaskAsync(started.Id)).DueDate.Should().Be(new DateTimeOffset(2026, 3, 20, 0, 0, 0, Paris));
    }

    [Fact]
    public async Task A_due_date_from_an_expression_returning_a_date()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:dueDate="${ deadline }" """));
        var deadline = new DateTimeOffset(2026, 5, 14, 23, 59, 59, TimeSpan.FromHours(2));
        var started = await h.StartAsync("p", Vars.Of(("deadline", deadline)));

        (await h.SingleTaskAsync(started.Id)).DueDate.Should().Be(deadline);
    }

    [Fact]
    public async Task A_due_date_from_a_host_function_returning_a_date()
    {
        await using var h = await EngineHarness.StartAsync(b =>
            b.AddFunction("two_months_after", (DateTimeOffset d) => d.AddMonths(2)));
        await h.DeployAsync(OneTask("""camunda:dueDate="${ two_months_after(received) }" """));
        var started = await h.StartAsync("p", Vars.Of(("received", new DateTimeOffset(2026, 3, 2, 10, 0, 0, Paris))));

        (await h.SingleTaskAsync(started.Id)).DueDate.Should().Be(new DateTimeOffset(2026, 5, 2, 10, 0, 0, Paris));
    }

    [Fact]
    public async Task Due_and_follow_up_dates_given_as_iso_durations_count_from_now()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:dueDate="P10D" camunda:followUpDate="PT4H" """));
        h.Clock.Advance(TimeSpan.FromMinutes(30));
        var started = await h.StartAsync("p");

        var task = await h.SingleTaskAsync(started.Id);
        var now = EngineHarness.Epoch.AddMinutes(30);
        task.DueDate.Should().Be(now.AddDays(10));
        task.FollowUpDate.Should().Be(now.AddHours(4));
        task.CreatedAt.Should().Be(now);
    }

    [Fact]
    public async Task A_follow_up_date_given_as_an_iso_date()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:followUpDate="2026-03-10T08:30:00Z" """));
        var started = await h.StartAsync("p");

        var task = await h.SingleTaskAsync(started.Id);
        task.FollowUpDate.Should().Be(new DateTimeOffset(2026, 3, 10, 8, 30, 0, TimeSpan.Zero));
        task.DueDate.Should().BeNull();
    }

    [Fact]
    public async Task Priority_and_form_key_literal_and_from_expressions()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="a" name="a" camunda:priority="80" camunda:formKey="embedded:app:forms/review.html" />
            <userTask id="b" name="b" camunda:priority="${ urgency * 10 }" camunda:formKey="${ form }" />
            <userTask id="c" name="c" />
            <parallelGateway id="g" />
            """ + Flow("s", "g") + Flow("g", "a") + Flow("g", "b") + Flow("g", "c")));
        var started = await h.StartAsync("p", Vars.Of(("urgency", 9L), ("form", "app:forms/urgent.html")));

        var a = await h.SingleTaskAsync(started.Id, "a");
        a.Priority.Should().Be(80);
        a.FormKey.Should().Be("embedded:app:forms/review.html");
        var b = await h.SingleTaskAsync(started.Id, "b");
        b.Priority.Should().Be(90);
        b.FormKey.Should().Be("app:forms/urgent.html");
        var c = await h.SingleTaskAsync(started.Id, "c");
        c.Priority.Should().Be(50);
        c.FormKey.Should().BeNull();
    }

    [Fact]
    public async Task Task_info_carries_the_instance_key_business_key_and_name()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """<startEvent id="s" /><userTask id="t" name="Analyser la réclamation" /><endEvent id="e" />"""
            + Chain("s", "t", "e")));
        var started = await h.StartAsync("p", businessKey: "REC-2026-0001");

        var task = await h.SingleTaskAsync(started.Id);
        task.Name.Should().Be("Analyser la réclamation");
        task.TaskDefinitionKey.Should().Be("t");
        task.ProcessInstanceId.Should().Be(started.Id);
        task.ProcessDefinitionKey.Should().Be("p");
        task.BusinessKey.Should().Be("REC-2026-0001");
        (await h.Engine.GetTaskAsync(task.Id, Actor.System)).Should().BeEquivalentTo(task);
    }

    [Fact]
    public async Task Queries_filter_by_instance_assignee_candidate_group_and_user_ordered_by_due_date_with_none_last()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:dueDate="${ due }" camunda:assignee="${ who }" camunda:candidateGroups="${ groups }" camunda:candidateUsers="${ users }" """));
        async Task<Guid> Start(string? due, string? who, string groups, string users) =>
            (await h.StartAsync("p", Vars.Of(("due", due), ("who", who), ("groups", groups), ("users", users)))).Id;

        var noDue = await Start(null, "alice", "Juridique", "bob");
        var in5 = await Start("P5D", null, "Juridique,Qualite", "bob");
        var in1 = await Start("P1D", "alice", "Juridique", "carol");
        var in3 = await Start("P3D", null, "Qualite", "bob");

        async Task<IEnumerable<Guid>> Instances(TaskQuery q) => (await h.Engine.QueryTasksAsync(q, Actor.System)).Select(t => t.ProcessInstanceId);

        (await Instances(new TaskQuery())).Should().Equal(in1, in3, in5, noDue);
        (await Instances(new TaskQuery(ProcessInstanceId: in5))).Should().Equal(in5);
        (await Instances(new TaskQuery(Assignee: "alice"))).Should().Equal(in1, noDue);
        // A candidate query is a work queue: tasks someone holds are left out unless asked for.
        (await Instances(new TaskQuery(CandidateGroup: "Juridique"))).Should().Equal(in5);
        (await Instances(new TaskQuery(CandidateGroup: "Juridique", IncludeAssigned: true))).Should().Equal(in1, in5, noDue);
        (await Instances(new TaskQuery(CandidateGroup: "Qualite"))).Should().Equal(in3, in5);
        (await Instances(new TaskQuery(CandidateUser: "bob"))).Should().Equal(in3, in5);
        (await Instances(new TaskQuery(CandidateUser: "bob", IncludeAssigned: true))).Should().Equal(in3, in5, noDue);
        (await Instances(new TaskQuery(CandidateUser: "carol"))).Should().BeEmpty();
        (await Instances(new TaskQuery(CandidateUser: "carol", IncludeAssigned: true))).Should().Equal(in1);
        (await Instances(new TaskQuery(CandidateGroup: "Juridique", Assignee: "alice"))).Should().Equal(in1, noDue);
        (await Instances(new TaskQuery(CandidateGroup: "Juridique", Skip: 1, Take: 1, IncludeAssigned: true))).Should().Equal(in5);
        (await Instances(new TaskQuery(CandidateGroup: "Nobody"))).Should().BeEmpty();
    }

    [Fact]
    public async Task Completed_tasks_leave_the_queries()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask("""camunda:candidateGroups="Juridique" camunda:candidateUsers="bob" """));
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id);

        await h.Engine.CompleteTaskAsync(task.Id, null, new Actor("bob"));

        (await h.Engine.QueryTasksAsync(new TaskQuery(CandidateGroup: "Juridique"), Actor.System)).Should().BeEmpty();
        (await h.Engine.QueryTasksAsync(new TaskQuery(CandidateUser: "bob"), Actor.System)).Should().BeEmpty();
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Theory]
    [InlineData("""camunda:dueDate="next week" """, "camunda:dueDate")]
    [InlineData("""camunda:followUpDate="${ later }" """, "camunda:followUpDate")]
    [InlineData("""camunda:priority="high" """, "camunda:priority")]
    [InlineData("""camunda:priority="${ urgency }" """, "camunda:priority")]
    public async Task An_attribute_that_does_not_evaluate_to_its_type_fails_the_step_naming_the_attribute(string attribute, string name)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(OneTask(attribute));

        var act = () => h.Engine.StartProcessAsync("p", "REC-9", Vars.Of(("later", "demain"), ("urgency", "urgent")), Actor.System);

        (await act.Should().ThrowAsync<ProcessEngineException>()).Which.Message.Should().Contain(name).And.Contain("'t'");
        (await h.Engine.FindProcessInstancesAsync("REC-9")).Should().BeEmpty();
    }
}
