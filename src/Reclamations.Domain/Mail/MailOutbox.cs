using Microsoft.Extensions.Logging;

namespace Reclamations.Domain.Mail;

/// <summary>
/// Sends the due outbox items through the transport. Success marks the item sent (never sent
/// again); failure schedules the next attempt with the retry policy, or fails the item for good.
/// If the process stops between delivery and <see cref="IOutboxStore.MarkSentAsync"/>, the item is
/// sent again with the same Message-Id, which receivers and the <c>.eml</c> transport recognise. A mail failed for good
/// is handed to the <see cref="IMailFailureListener"/> (a task for the complaints officer).
/// </summary>
public sealed class MailOutbox(
    IOutboxStore store,
    IMailTransport transport,
    TimeProvider timeProvider,
    OutboxRetryPolicy retryPolicy,
    ILogger<MailOutbox> logger,
    IMailFailureListener? failures = null)
{
    public const int DefaultBatchSize = 20;
    private const int MaxErrorLength = 2000;

    public async Task<OutboxRunResult> ProcessDueAsync(int max = DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        var due = await store.GetDueAsync(timeProvider.GetUtcNow(), max, cancellationToken);
        int sent = 0, retrying = 0, failed = 0;
        foreach (var item in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Status != OutboxStatus.Pending)
            {
                continue;
            }

            try
            {
                await transport.SendAsync(item.Mail, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var now = timeProvider.GetUtcNow();
                var attempts = item.Attempts + 1;
                var next = retryPolicy.NextAttemptAt(attempts, now);
                await store.MarkFailedAsync(item.Id, Describe(ex), next, cancellationToken);
                if (next is null)
                {
                    failed++;
                    logger.LogError(ex, "Mail {MessageId} for complaint {Reference} failed for good after {Attempts} attempts",
                        item.Mail.MessageId, item.Mail.ComplaintReference, attempts);
                    await TellFailureAsync(item, Describe(ex), cancellationToken);
                }
                else
                {
                    retrying++;
                    logger.LogWarning(ex, "Mail {MessageId} for complaint {Reference} failed (attempt {Attempts}); next attempt at {NextAttemptAt}",
                        item.Mail.MessageId, item.Mail.ComplaintReference, attempts, next);
                }

                continue;
            }

            await store.MarkSentAsync(item.Id, timeProvider.GetUtcNow(), cancellationToken);
            sent++;
            logger.LogInformation("Mail {MessageId} for complaint {Reference} sent", item.Mail.MessageId, item.Mail.ComplaintReference);
        }

        return new OutboxRunResult(sent, retrying, failed);
    }

    private async Task TellFailureAsync(OutboxMessage item, string error, CancellationToken cancellationToken)
    {
        if (failures is null) return;
        try
        {
            await failures.MailFailedAsync(item, error, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Mail {MessageId} for complaint {Reference}: the failure could not be handed over",
                item.Mail.MessageId, item.Mail.ComplaintReference);
        }
    }

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
