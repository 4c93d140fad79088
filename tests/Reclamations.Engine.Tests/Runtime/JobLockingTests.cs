using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reclamations.Engine.Api;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Hosting;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Node identity, reclaim after restart, takeover after expiry, attempts counted before a job runs, an idle
/// node that does not spin, and a conflict that gives the lock back.</summary>
public sealed class JobLockingTests
{
    private static readonly string TimerThenWork = Process("p", $"""
        <startEvent id="s" />
        <intermediateCatchEvent id="wait">{Timer("timeDuration", "PT1H")}</intermediateCatchEvent>
        """ + Service("w", "work") + """<endEvent id="e" />""" + Chain("s", "wait", "w", "e"));

    [Fact]
    public async Task After_a_restart_only_the_job_that_was_running_counts_an_attempt_the_rest_of_its_batch_runs_as_if_new()
    {
        await using var h = await EngineHarness.StartAsync(options: o => o.LockDuration = TimeSpan.FromMinutes(30));
        await h.DeployAsync(TimerThenWork);
        var first = await h.StartAsync("p", businessKey: "REC-1");
        var second = await h.StartAsync("p", businessKey: "REC-2");
        h.Clock.Advance(TimeSpan.FromHours(1));
        (await h.Engine.AcquireJobsAsync(CancellationToken.None)).Should().HaveCount(2, "the old run locks both, starts the first, dies");

        await h.RestartAsync();

        (await h.RunJobsAsync()).Should().Be(2);
        h.Script.CallsTo("work").Should().Be(2);
        (await h.InstanceAsync(first.Id)).State.Should().Be("Completed");
        (await h.InstanceAsync(second.Id)).State.Should().Be("Completed");
        var failed = (await h.Engine.GetHistoryAsync(first.Id, Actor.System)).Where(e => e.EventType == "JobFailed").ToList();
        failed.Should().ContainSingle().Which.Details.Should().Contain("by node 'test-node' never finished");
        (await h.HistoryAsync(second.Id, "JobFailed")).Should().BeEmpty("its attempt had not started");
    }

    [Fact]
    public async Task Another_nodes_lock_is_taken_over_once_expired_and_its_unfinished_attempt_is_counted()
    {
        await using var h = await EngineHarness.StartAsync(options: o => o.LockDuration = TimeSpan.FromMinutes(5));
        await using var node2 = h.OpenSecondNode();
        await h.DeployAsync(TimerThenWork);
        var started = await h.StartAsync("p");
        h.Clock.Advance(TimeSpan.FromHours(1));
        (await h.Engine.AcquireJobsAsync(CancellationToken.None)).Should().ContainSingle("test-node locks the job, starts it, stops renewing");

        (await node2.Engine.ExecuteDueJobsAsync()).Should().Be(0, "the lock still holds");
        h.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        (await node2.Engine.ExecuteDueJobsAsync()).Should().Be(0);
        h.Script.CallsTo("work").Should().Be(0);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        (await node2.Engine.ExecuteDueJobsAsync()).Should().Be(1);

        h.Script.CallsTo("work").Should().Be(1);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "JobFailed")
            .Which.Details.Should().Contain("node 'test-node'").And.Contain("retries left: 2");
    }

    [Fact]
    public async Task An_idle_node_sleeps_until_the_other_nodes_lock_expires_without_querying_meanwhile()
    {
        var counter = new CommandCounter();
        await using var h = await EngineHarness.StartAsync(options: o => o.LockDuration = TimeSpan.FromMinutes(5));
        await using var idle = h.OpenSecondNode("idle-node", o =>
        {
            o.RunJobExecutor = true;
            o.JobPollInterval = TimeSpan.FromHours(1);
        }, counter);
        await h.DeployAsync(TimerThenWork);
        var instances = new List<Guid>();
        for (var i = 0; i < 3; i++) instances.Add((await h.StartAsync("p", businessKey: $"REC-{i}")).Id);
        h.Clock.Advance(TimeSpan.FromHours(1));
        (await h.Engine.AcquireJobsAsync(CancellationToken.None)).Should().HaveCount(3, "test-node holds the whole batch");
        var executor = idle.Services.GetServices<IHostedService>().OfType<JobExecutorService>().Single();

        await executor.StartAsync(CancellationToken.None);
        try
        {
            await Until(() => executor.Sleeps >= 1);
            var whenAsleep = counter.Count;
            counter.Count.Should().BeInRange(1, 6, "one pass: reclaim, look for due jobs, compute the wake time");

            await Task.Delay(500); // real time passes: a spinning loop would send thousands of queries meanwhile
            h.Clock.Advance(TimeSpan.FromMinutes(4)); // engine time passes, still before the lock expiry
            await Task.Delay(200);

            counter.Count.Should().Be(whenAsleep, "the idle node sleeps until the earliest lock expiry");
            executor.Sleeps.Should().Be(1);
            h.Script.CallsTo("work").Should().Be(0);

            h.Clock.Advance(TimeSpan.FromMinutes(1)); // the lock expires: the idle node wakes and takes the jobs over
            await Until(() => executor.Sleeps >= 2);

            h.Script.CallsTo("work").Should().Be(3);
            foreach (var id in instances) (await h.InstanceAsync(id)).State.Should().Be("Completed");
        }
        finally
        {
            await executor.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_job_that_kills_its_node_each_time_ends_as_an_incident_after_its_retries()
    {
        var crash = new CrashScript();
        await using var h = await EngineHarness.StartAsync(b =>
        {
            b.Services.AddSingleton(crash);
            b.AddServiceTaskHandler<NodeKillingHandler>("kill-node");
        });
        await h.DeployAsync(Process("p", """<startEvent id="s" />"""
            + Service("k", "kill-node", """camunda:asyncBefore="true" """,
                "<extensionElements><camunda:failedJobRetryTimeCycle>R2/PT5M</camunda:failedJobRetryTimeCycle></extensionElements>")
            + """<endEvent id="e" />""" + Chain("s", "k", "e")));
        var started = await h.StartAsync("p");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            _ = Task.Run(() => h.Engine.ExecuteDueJobsAsync()); // never completes: the node dies inside the job
            (await crash.Entered.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeTrue();
            await using (var db = h.OpenDb())
            {
                var job = await db.Jobs.AsNoTracking().SingleAsync();
                job.AttemptStartedAt.Should().NotBeNull("the attempt is on record before the job runs");
                job.Retries.Should().Be(3 - attempt, "each earlier attempt that never finished was counted");
            }
            crash.KillNode();
            await h.RestartAsync();
        }

        (await h.RunJobsAsync()).Should().Be(0, "no retry is left: the job is not run a fourth time");

        crash.Calls.Should().Be(3);
        var incident = (await h.Engine.GetIncidentsAsync()).Should().ContainSingle().Subject;
        incident.ActivityId.Should().Be("k");
        incident.Message.Should().Contain("never finished");
        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Which.Retries.Should().Be(-1);
        (await h.HistoryAsync(started.Id, "JobFailed")).Should().Equal("k", "k");
        (await h.RunJobsAsync()).Should().Be(0);
        crash.Calls.Should().Be(3);
    }

    [Fact]
    public async Task A_conflict_gives_the_lock_back_and_the_job_runs_again_without_using_a_retry()
    {
        var conflicts = new ConflictScript { Left = 1 };
        await using var h = await EngineHarness.StartAsync(b =>
        {
            b.Services.AddSingleton(conflicts);
            b.AddServiceTaskHandler<ConflictingHandler>("conflict");
        });
        await h.DeployAsync(Process("p", """<startEvent id="s" />""" + Service("c", "conflict", """camunda:asyncBefore="true" """)
            + """<endEvent id="e" />""" + Chain("s", "c", "e")));
        var started = await h.StartAsync("p");

        (await h.RunJobsAsync()).Should().Be(2, "the lock was released at once, so the same pass ran the job again");

        conflicts.Calls.Should().Be(2);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        (await h.HistoryAsync(started.Id, "JobFailed")).Should().BeEmpty();
        (await h.Engine.GetIncidentsAsync()).Should().BeEmpty();
    }

    [Fact]
    public void The_default_node_id_is_stable_for_one_content_root_and_differs_between_two()
    {
        var a = NodeIdentity.Default("/srv/reclamations");
        NodeIdentity.Default("/srv/reclamations/").Should().Be(a);
        NodeIdentity.Default("/srv/reclamations-2").Should().NotBe(a);
        a.Should().StartWith(Environment.MachineName + "-");
    }

    [Fact]
    public void An_engine_without_a_configured_node_id_takes_the_default_one()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddProcessEngine(db => db.UseSqlite("Data Source=:memory:"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EngineOptions>>().Value.NodeId
            .Should().Be(NodeIdentity.Default(AppContext.BaseDirectory));
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++) await Task.Delay(50);
        condition().Should().BeTrue("the condition should hold within 30 s");
    }
}

internal sealed class CrashScript
{
    private DbConnection? _connection;
    private int _calls;

    public SemaphoreSlim Entered { get; } = new(0);
    public int Calls => Volatile.Read(ref _calls);

    public void Enter(DbConnection connection)
    {
        _connection = connection;
        Interlocked.Increment(ref _calls);
        Entered.Release();
    }

    /// <summary>What a kill -9 leaves: the job's transaction rolled back (its connection closed), and no engine code after it.</summary>
    public void KillNode() => _connection?.Close();
}

/// <summary>Simulates a job that kills its node: the command never completes.</summary>
internal sealed class NodeKillingHandler(CrashScript script) : IServiceTaskHandler
{
    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        script.Enter(context.Connection);
        await new TaskCompletionSource().Task;
        return null;
    }
}

internal sealed class ConflictScript
{
    public int Left { get; set; }
    public int Calls { get; set; }
}

internal sealed class ConflictingHandler(ConflictScript script) : IServiceTaskHandler
{
    public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        script.Calls++;
        if (script.Left-- > 0) throw new ConflictException("Simulated lost race");
        return Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
    }
}
