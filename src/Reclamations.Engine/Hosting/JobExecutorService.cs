using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reclamations.Engine.Runtime;

namespace Reclamations.Engine.Hosting;

/// <summary>Runs due jobs in the background. After each pass it sleeps (on the engine's clock) until the earliest due time
/// of a job it may take or the earliest expiry of another node's lock, at most <see cref="EngineOptions.JobPollInterval"/>;
/// a job this node creates or moves earlier wakes it. A pass that found nothing never loops without sleeping.</summary>
internal sealed class JobExecutorService(ProcessEngine engine, EngineRuntime runtime, IOptions<EngineOptions> options,
    ILogger<JobExecutorService> logger) : BackgroundService
{
    /// <summary>Shortest sleep after a pass that ran nothing (guards against a wake time that cannot be acted on).</summary>
    internal static readonly TimeSpan IdleGuard = TimeSpan.FromSeconds(1);

    /// <summary>How many times the executor went to sleep (tests wait for it to be idle).</summary>
    internal int Sleeps => _sleeps;

    private int _sleeps;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunJobExecutor) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            runtime.BeginJobPass();
            var now = engine.Time.GetUtcNow();
            var until = now + options.Value.JobPollInterval;
            try
            {
                var ran = await engine.ExecuteDueJobsAsync(stoppingToken);
                now = engine.Time.GetUtcNow();
                until = now + options.Value.JobPollInterval;
                if (await engine.NextWakeAtAsync(stoppingToken) is { } wake && wake < until) until = wake;
                if (ran == 0 && until < now + IdleGuard) until = now + IdleGuard;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Job executor pass failed");
            }
            try
            {
                Interlocked.Increment(ref _sleeps);
                await runtime.WaitForJobsAsync(until, engine.Time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
