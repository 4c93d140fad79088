namespace Reclamations.Domain.Mail;

/// <summary>Told when the outbox gives up on a mail (every attempt failed), after the item is marked failed.</summary>
public interface IMailFailureListener
{
    Task MailFailedAsync(OutboxMessage item, string error, CancellationToken cancellationToken = default);
}
