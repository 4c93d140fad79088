using Reclamations.Domain.Mail;

namespace Reclamations.Web.Complaints;

/// <summary>Sends due outbox mail every few seconds (retries with back-off are the outbox's).</summary>
internal sealed class OutboxWorker(MailOutbox outbox, IConfiguration config, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Mail:RunOutboxWorker", true)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        do
        {
            try
            {
                await outbox.ProcessDueAsync(cancellationToken: stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Outbox pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
