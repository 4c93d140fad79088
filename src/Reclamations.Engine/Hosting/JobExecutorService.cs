using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reclamations.Engine.Runtime;

namespace Reclamations.Engine.Hosting;

/// <summary>Runs due jobs in the background; sleeps until the next due job, a new job, or the poll interval.</summary>
internal sealed class JobExecutorService(ProcessEngine engine, EngineRuntime runtime, IOptions<EngineOptions> options,
    ILogger<JobExecutorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunJobExecutor) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.JobPollInterval;
            try
            {
                await engine.ExecuteDueJobsAsync(stoppingToken);
                if (await engine.NextDueAtAsync(stoppingToken) is { } next)
                {
                    var untilDue = next - engine.Time.GetUtcNow();
                    if (untilDue < wait) wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue;
                }
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
                await runtime.WaitForJobsAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
