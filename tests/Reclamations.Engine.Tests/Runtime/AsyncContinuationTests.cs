using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class AsyncContinuationTests
{
    [Fact]
    public async Task Async_before_commits_the_start_and_leaves_the_work_to_a_job()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """<startEvent id="s" />""" + Service("w", "work", """camunda:asyncBefore="true" """)
            + """<endEvent id="e" />""" + Chain("s", "w", "e")));

        var started = await h.StartAsync("p");

        started.State.Should().Be("Active");
        started.ActiveActivityIds.Should().Equal("w");
        h.Script.CallsTo("work").Should().Be(0);
        var job = (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Subject;
        job.Kind.Should().Be("AsyncBefore");
        job.ActivityId.Should().Be("w");
        job.DueAt.Should().Be(EngineHarness.Epoch);
        (await h.HistoryAsync(started.Id, "ActivityStarted")).Should().Equal("s");

        (await h.RunJobsAsync()).Should().Be(1);

        h.Script.CallsTo("work").Should().Be(1);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
        (await h.HistoryAsync(started.Id, "ActivityStarted")).Should().Equal("s", "w", "e");
    }

    [Fact]
    public async Task Async_before_survives_a_restart()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """<startEvent id="s" />""" + Service("w", "work", """camunda:asyncBefore="true" """)
            + """<endEvent id="e" />""" + Chain("s", "w", "e")));
        var started = await h.StartAsync("p");

        await h.RestartAsync();
        await h.RunJobsAsync();

        h.Script.CallsTo("work").Should().Be(1);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task Async_after_runs_the_work_at_once_and_leaves_the_activity_in_a_job()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """<startEvent id="s" />""" + Service("w", "work", """camunda:asyncAfter="true" """)
            + """<userTask id="t" name="t" camunda:candidateUsers="alice"><extensionElements><camunda:formData><camunda:formField id="decision" type="string" /></camunda:formData></extensionElements></userTask><endEvent id="e" />""" + Chain("s", "w", "t", "e")));
        h.Script.Results["work"] = Vars.Of(("score", 3L));

        var started = await h.StartAsync("p");

        h.Script.CallsTo("work").Should().Be(1);
        started.ActiveActivityIds.Should().Equal("w");
        started.Variables.Should().Contain("score", 3L);
        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Which.Kind.Should().Be("AsyncAfter");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "w");
        (await h.TasksAsync(started.Id)).Should().BeEmpty();

        await h.RunJobsAsync();

        h.Script.CallsTo("work").Should().Be(1, "the work is not done again");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("t");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("t");
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_failing_step_behind_async_before_does_not_undo_the_user_completion()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """<startEvent id="s" />""" + FormTask("t", """camunda:candidateUsers="alice" """, ("decision", "string"))
            + Service("w", "work", """camunda:asyncBefore="true" """) + """<endEvent id="e" />""" + Chain("s", "t", "w", "e")));
        var started = await h.StartAsync("p");
        h.Script.FailuresLeft["work"] = 1;

        await h.CompleteAsync(started.Id, "t", Vars.Of(("decision", "accepted")), new Actor("alice"));
        await h.RunJobsAsync();

        h.Script.CallsTo("work").Should().Be(1);
        (await h.TasksAsync(started.Id)).Should().BeEmpty();
        var instance = await h.InstanceAsync(started.Id);
        instance.ActiveActivityIds.Should().Equal("w");
        instance.Variables.Should().Contain("decision", "accepted");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "TaskCompleted")
            .Which.UserId.Should().Be("alice");
        var job = (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Subject;
        job.LastError.Should().Contain("Simulated failure of work");
        job.Retries.Should().Be(2);

        await h.AdvanceAsync(TimeSpan.FromSeconds(10));

        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task A_failing_step_without_async_refuses_the_user_completion()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """<startEvent id="s" /><userTask id="t" name="t" camunda:candidateUsers="alice"><extensionElements><camunda:formData><camunda:formField id="decision" type="string" /></camunda:formData></extensionElements></userTask>"""
            + Service("w", "work") + """<endEvent id="e" />""" + Chain("s", "t", "w", "e")));
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id);
        h.Script.FailuresLeft["work"] = 1;

        var act = () => h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("decision", "accepted")), new Actor("alice"));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Simulated failure of work");
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);
        (await h.InstanceAsync(started.Id)).Variables.Should().NotContainKey("decision");
        (await h.HistoryAsync(started.Id, "TaskCompleted")).Should().BeEmpty();
    }
}
