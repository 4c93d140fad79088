using Reclamations.Domain.Notifications;

namespace Reclamations.Web.Inbox;

/// <summary>Sends the digest of new group tasks every <see cref="TaskDigestOptions.Interval"/> (real time, whatever clock
/// the engine runs; off when the interval is zero). A failed run is logged and retried at the next tick: nothing it
/// queued is kept, so nothing is sent twice.</summary>
internal sealed class TaskDigestService(IServiceScopeFactory scopes, TaskDigestOptions options, ILogger<TaskDigestService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        using var timer = new PeriodicTimer(options.Interval, TimeProvider.System);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<TaskDigestRun>().RunAsync(stoppingToken);
                if (sent > 0) logger.LogInformation("Task digest: {Count} mails queued", sent);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Task digest run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
