using Reclamations.Domain.Retention;
using Reclamations.Engine.Runtime;

namespace Reclamations.Web.Compliance;

/// <summary>The scheduled retention: inside <c>Retention:Window</c> (firm's time zone) it erases the due complaints, batch
/// by batch, until none is left or the window closes; it looks again every <c>Retention:PollInterval</c> (engine clock).</summary>
public sealed class RetentionWorker(ComplaintRetention retention, TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = retention.Options;
        var window = CleanupWindow.Parse(options.Window);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
        bool InWindow() => window.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (InWindow()) await retention.RunAsync(InWindow, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Retention run failed; it runs again at the next poll");
            }

            try
            {
                await Task.Delay(options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
