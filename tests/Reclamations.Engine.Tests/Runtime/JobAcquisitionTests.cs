using Reclamations.Engine.Api;
using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class JobAcquisitionTests
{
    private static readonly string TimerThenWork = Process("p", $"""
        <startEvent id="s" />
        <intermediateCatchEvent id="wait">{Timer("timeDuration", "PT1H")}</intermediateCatchEvent>
        """ + Service("w", "work") + """<endEvent id="e" />""" + Chain("s", "wait", "w", "e"));

    [Fact]
    public async Task Two_nodes_running_due_jobs_at_once_fire_every_timer_exactly_once()
    {
        await using var h = await EngineHarness.StartAsync();
        await using var node2 = h.OpenSecondNode();
        await h.DeployAsync(TimerThenWork);
        var instances = new List<Guid>();
        for (var i = 0; i < 50; i++) instances.Add((await h.StartAsync("p", businessKey: $"REC-{i}")).Id);
        h.Clock.Advance(TimeSpan.FromHours(1));

        var runs = await Task.WhenAll(
            Task.Run(() => h.Engine.ExecuteDueJobsAsync()),
            Task.Run(() => node2.Engine.ExecuteDueJobsAsync()));

        runs.Sum().Should().Be(50, $"the jobs are shared between the nodes ({runs[0]} + {runs[1]})");
        h.Script.CallsTo("work").Should().Be(50);
        await using var db = h.OpenDb();
        (await db.History.CountAsync(e => e.EventType == "TimerFired")).Should().Be(50);
        (await db.History.Where(e => e.EventType == "TimerFired").Select(e => e.ProcessInstanceId).Distinct().CountAsync()).Should().Be(50);
        (await db.Jobs.CountAsync()).Should().Be(0);
        (await h.Engine.GetIncidentsAsync()).Should().BeEmpty();
        foreach (var id in instances) (await h.InstanceAsync(id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task A_job_is_not_due_before_its_time()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(TimerThenWork);
        var started = await h.StartAsync("p");

        (await h.AdvanceAsync(TimeSpan.FromMinutes(59))).Should().Be(0);
        h.Script.CallsTo("work").Should().Be(0);
        (await h.AdvanceAsync(TimeSpan.FromMinutes(1))).Should().Be(1);

        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task A_job_locked_by_a_crashed_node_is_taken_only_after_its_lock_expires()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(TimerThenWork);
        var started = await h.StartAsync("p");
        h.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = h.OpenDb())
        {
            var job = await db.Jobs.SingleAsync();
            job.LockOwner = "crashed-node";
            job.LockExpiresAt = h.Clock.GetUtcNow().AddMinutes(5);
            job.Revision++;
            await db.SaveChangesAsync();
        }

        (await h.RunJobsAsync()).Should().Be(0);
        (await h.AdvanceAsync(TimeSpan.FromMinutes(4))).Should().Be(0);
        (await h.AdvanceAsync(TimeSpan.FromSeconds(59))).Should().Be(0);
        (await h.HistoryAsync(started.Id, "TimerFired")).Should().BeEmpty();
        h.Script.CallsTo("work").Should().Be(0);

        (await h.AdvanceAsync(TimeSpan.FromSeconds(2))).Should().Be(1);

        (await h.HistoryAsync(started.Id, "TimerFired")).Should().Equal("wait");
        h.Script.CallsTo("work").Should().Be(1);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task A_job_locked_by_another_live_node_is_left_to_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await using var node2 = h.OpenSecondNode();
        await h.DeployAsync(TimerThenWork);
        var started = await h.StartAsync("p");
        (await node2.Engine.ExecuteDueJobsAsync()).Should().Be(0, "the second node is running (it has done its first acquisition)");
        h.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = h.OpenDb())
        {
            var job = await db.Jobs.SingleAsync();
            job.LockOwner = "second-node";
            job.LockExpiresAt = h.Clock.GetUtcNow().AddMinutes(5);
            job.Revision++;
            await db.SaveChangesAsync();
        }

        (await h.RunJobsAsync()).Should().Be(0);
        (await node2.Engine.ExecuteDueJobsAsync()).Should().Be(0, "a lock it took in this run is not expired: it runs the jobs it acquired");

        h.Clock.Advance(TimeSpan.FromMinutes(6));
        (await node2.Engine.ExecuteDueJobsAsync()).Should().Be(1);
        (await h.HistoryAsync(started.Id, "TimerFired")).Should().ContainSingle();
    }

    [Fact]
    public async Task A_failed_job_releases_its_lock()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(TimerThenWork.Replace("""camunda:topic="work" """, """camunda:topic="work" camunda:asyncBefore="true" """));
        h.Script.FailuresLeft["work"] = 1;
        await h.StartAsync("p");
        await h.AdvanceAsync(TimeSpan.FromHours(1));
        await h.RunJobsAsync();

        await using var db = h.OpenDb();
        var job = await db.Jobs.AsNoTracking().SingleAsync();
        job.LockOwner.Should().BeNull();
        job.LockExpiresAt.Should().BeNull();
        job.Retries.Should().Be(2);
    }

    [Fact]
    public async Task Two_nodes_firing_parallel_timers_of_one_instance_join_them_once()
    {
        await using var h = await EngineHarness.StartAsync();
        await using var node2 = h.OpenSecondNode();
        var branches = Enumerable.Range(0, 12).ToList();
        await h.DeployAsync(Process("p", """<startEvent id="s" /><parallelGateway id="fork" /><parallelGateway id="join" />"""
            + string.Concat(branches.Select(i => $"""<intermediateCatchEvent id="wait{i}">{Timer("timeDuration", $"PT{i + 1}M")}</intermediateCatchEvent>"""))
            + Service("w", "work") + """<endEvent id="e" />"""
            + Flow("s", "fork") + string.Concat(branches.Select(i => Flow("fork", $"wait{i}") + Flow($"wait{i}", "join")))
            + Chain("join", "w", "e")));
        var started = await h.StartAsync("p");
        (await h.Engine.GetJobsAsync(started.Id)).Should().HaveCount(12);
        h.Clock.Advance(TimeSpan.FromMinutes(12));

        var runs = await Task.WhenAll(
            Task.Run(() => h.Engine.ExecuteDueJobsAsync()),
            Task.Run(() => node2.Engine.ExecuteDueJobsAsync()));

        runs.Sum().Should().Be(12);
        (await h.HistoryAsync(started.Id, "TimerFired")).Should().HaveCount(12).And.OnlyHaveUniqueItems();
        h.Script.CallsTo("work").Should().Be(1);
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Count(a => a == "join").Should().Be(1);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.Engine.GetIncidentsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Retrying_an_unknown_job_is_not_found()
    {
        await using var h = await EngineHarness.StartAsync();
        await FluentActions.Awaiting(() => h.Engine.RetryJobAsync(Guid.NewGuid(), Actor.System)).Should()
            .ThrowAsync<Reclamations.Engine.Runtime.NotFoundException>();
    }
}
