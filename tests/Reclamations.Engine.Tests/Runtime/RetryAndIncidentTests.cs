using Reclamations.Engine.Api;
using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class RetryAndIncidentTests
{
    private static string AsyncWork(string extension = "") => Process("p", """<startEvent id="s" />"""
        + Service("w", "work", """camunda:asyncBefore="true" """, extension) + """<endEvent id="e" />""" + Chain("s", "w", "e"));

    [Fact]
    public async Task A_failing_job_is_retried_with_the_default_back_off_then_raises_an_incident_that_a_retry_resolves()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(AsyncWork());
        h.Script.FailuresLeft["work"] = 4;
        var started = await h.StartAsync("p");

        async Task<Reclamations.Engine.Api.JobInfo> Job() => (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Subject;

        (await h.RunJobsAsync()).Should().Be(1);
        var now = EngineHarness.Epoch;
        h.Script.CallsTo("work").Should().Be(1);
        (await Job()).Should().Match<Reclamations.Engine.Api.JobInfo>(j => j.Retries == 2 && j.DueAt == now.AddSeconds(10));
        (await Job()).LastError.Should().Contain("Simulated failure of work");

        (await h.AdvanceAsync(TimeSpan.FromSeconds(9))).Should().Be(0);
        h.Script.CallsTo("work").Should().Be(1);
        (await h.AdvanceAsync(TimeSpan.FromSeconds(1))).Should().Be(1);
        now = now.AddSeconds(10);
        h.Script.CallsTo("work").Should().Be(2);
        (await Job()).Should().Match<Reclamations.Engine.Api.JobInfo>(j => j.Retries == 1 && j.DueAt == now.AddMinutes(1));

        (await h.AdvanceAsync(TimeSpan.FromSeconds(59))).Should().Be(0);
        (await h.AdvanceAsync(TimeSpan.FromSeconds(1))).Should().Be(1);
        now = now.AddMinutes(1);
        h.Script.CallsTo("work").Should().Be(3);
        (await Job()).Should().Match<Reclamations.Engine.Api.JobInfo>(j => j.Retries == 0 && j.DueAt == now.AddMinutes(5));
        (await h.Engine.GetIncidentsAsync()).Should().BeEmpty();

        (await h.AdvanceAsync(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1))).Should().Be(0);
        (await h.AdvanceAsync(TimeSpan.FromSeconds(1))).Should().Be(1);
        now = now.AddMinutes(5);
        h.Script.CallsTo("work").Should().Be(4);
        var job = await Job();
        job.Retries.Should().Be(-1);
        var incident = (await h.Engine.GetIncidentsAsync()).Should().ContainSingle().Subject;
        incident.JobId.Should().Be(job.Id);
        incident.ProcessInstanceId.Should().Be(started.Id);
        incident.ActivityId.Should().Be("w");
        incident.Message.Should().Contain("Simulated failure of work");
        incident.CreatedAt.Should().Be(now);
        incident.ResolvedAt.Should().BeNull();
        var waiting = await h.InstanceAsync(started.Id);
        waiting.State.Should().Be("Active");
        waiting.ActiveActivityIds.Should().Equal("w");
        (await h.HistoryAsync(started.Id, "JobFailed")).Should().Equal("w", "w", "w");

        (await h.AdvanceAsync(TimeSpan.FromDays(30))).Should().Be(0, "a job with an incident waits for an operator");
        h.Script.CallsTo("work").Should().Be(4);

        await h.Engine.RetryJobAsync(job.Id, new Actor("operator", ["Admin"]));
        (await h.Engine.GetIncidentsAsync()).Should().BeEmpty();
        (await h.Engine.GetIncidentsAsync(openOnly: false)).Should().ContainSingle()
            .Which.ResolvedAt.Should().Be(now.AddDays(30));
        (await h.RunJobsAsync()).Should().Be(1);

        h.Script.CallsTo("work").Should().Be(5);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_retried_job_that_fails_again_raises_a_new_incident()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(AsyncWork());
        h.Script.FailuresLeft["work"] = 100;
        var started = await h.StartAsync("p");
        await h.RunJobsAsync();
        foreach (var wait in new[] { 10, 60, 300 }) await h.AdvanceAsync(TimeSpan.FromSeconds(wait));
        var job = (await h.Engine.GetJobsAsync(started.Id)).Single();
        job.Retries.Should().Be(-1);

        await h.Engine.RetryJobAsync(job.Id, Actor.System);
        await h.RunJobsAsync();

        h.Script.CallsTo("work").Should().Be(5);
        (await h.Engine.GetIncidentsAsync()).Should().ContainSingle();
        (await h.Engine.GetIncidentsAsync(openOnly: false)).Should().HaveCount(2);
        (await h.Engine.GetJobsAsync(started.Id)).Single().Retries.Should().Be(-1);
    }

    [Fact]
    public async Task A_retry_time_cycle_gives_its_count_of_retries_at_its_period()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(AsyncWork("<extensionElements><camunda:failedJobRetryTimeCycle>R2/PT5M</camunda:failedJobRetryTimeCycle></extensionElements>"));
        h.Script.FailuresLeft["work"] = 3;
        var started = await h.StartAsync("p");
        (await h.Engine.GetJobsAsync(started.Id)).Single().Retries.Should().Be(2);

        await h.RunJobsAsync();
        var job = (await h.Engine.GetJobsAsync(started.Id)).Single();
        job.Retries.Should().Be(1);
        job.DueAt.Should().Be(EngineHarness.Epoch.AddMinutes(5));

        (await h.AdvanceAsync(TimeSpan.FromMinutes(4))).Should().Be(0);
        (await h.AdvanceAsync(TimeSpan.FromMinutes(1))).Should().Be(1);
        job = (await h.Engine.GetJobsAsync(started.Id)).Single();
        job.Retries.Should().Be(0);
        job.DueAt.Should().Be(EngineHarness.Epoch.AddMinutes(10));
        (await h.Engine.GetIncidentsAsync()).Should().BeEmpty();

        (await h.AdvanceAsync(TimeSpan.FromMinutes(5))).Should().Be(1);

        h.Script.CallsTo("work").Should().Be(3);
        (await h.Engine.GetJobsAsync(started.Id)).Single().Retries.Should().Be(-1);
        (await h.Engine.GetIncidentsAsync()).Should().ContainSingle().Which.ActivityId.Should().Be("w");
    }

    [Fact]
    public async Task A_service_task_failing_synchronously_at_start_saves_nothing()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """<startEvent id="s" /><serviceTask id="pre" camunda:type="external" camunda:topic="a" />"""
            + Service("w", "work") + """<userTask id="t" name="t" /><endEvent id="e" />""" + Chain("s", "pre", "w", "t", "e")));
        h.Script.FailuresLeft["work"] = 1;
        h.Script.Results["a"] = Vars.Of(("prepared", true));

        var act = () => h.Engine.StartProcessAsync("p", "REC-42", Vars.Of(("amount", 10L)), Actor.System);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("Simulated failure of work");
        (await h.Engine.FindProcessInstancesAsync("REC-42")).Should().BeEmpty();
        await using var db = h.OpenDb();
        (await db.ProcessInstances.CountAsync()).Should().Be(0);
        (await db.Executions.CountAsync()).Should().Be(0);
        (await db.Variables.CountAsync()).Should().Be(0);
        (await db.Tasks.CountAsync()).Should().Be(0);
        (await db.Jobs.CountAsync()).Should().Be(0);
        (await db.History.CountAsync(e => e.ProcessInstanceId != null)).Should().Be(0);
        (await h.Engine.GetIncidentsAsync()).Should().BeEmpty();
    }
}
