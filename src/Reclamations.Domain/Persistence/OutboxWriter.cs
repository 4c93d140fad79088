using Reclamations.Domain.Mail;

namespace Reclamations.Domain.Persistence;

/// <summary>
/// Adds a mail to the outbox in the caller's unit of work: the row is saved by the caller's
/// <c>SaveChanges</c>, in the same transaction as the letter it carries.
/// </summary>
public static class OutboxWriter
{
    public static OutboxMessageEntity Enqueue(DomainDbContext db, OutgoingMail mail, Guid? complaintId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mail);
        var entity = new OutboxMessageEntity
        {
            Id = Guid.NewGuid(),
            MessageId = mail.MessageId,
            ComplaintId = complaintId,
            ComplaintReference = mail.ComplaintReference,
            To = mail.To,
            Subject = mail.Subject,
            Html = mail.Html,
            PlainText = mail.PlainText,
            Status = OutboxStatus.Pending,
            Attempts = 0,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.OutboxMessages.Add(entity);
        return entity;
    }
}
