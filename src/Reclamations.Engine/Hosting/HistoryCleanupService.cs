using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reclamations.Engine.Runtime;

namespace Reclamations.Engine.Hosting;

/// <summary>Runs the history cleanup every <see cref="EngineOptions.HistoryCleanupInterval"/>; the engine only removes
/// anything inside <see cref="EngineOptions.HistoryCleanupWindow"/>. Off with the job executor (tests drive it by hand).</summary>
internal sealed class HistoryCleanupService(ProcessEngine engine, IOptions<EngineOptions> options, ILogger<HistoryCleanupService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.RunJobExecutor || string.IsNullOrWhiteSpace(o.HistoryCleanupWindow)) return;
        CleanupWindow.Parse(o.HistoryCleanupWindow); // a bad window fails at start-up, naming the setting
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await engine.RunScheduledHistoryCleanupAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "History cleanup failed");
            }
            try
            {
                await Task.Delay(o.HistoryCleanupInterval, engine.Time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
