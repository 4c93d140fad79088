namespace Reclamations.Domain.Mail;

/// <summary>
/// A mail waiting in the outbox. Its Message-Id (in <see cref="Mail"/>) is fixed at enqueue time,
/// so every attempt sends the same message.
/// </summary>
public sealed record OutboxMessage(
    Guid Id,
    OutgoingMail Mail,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt = null,
    string? LastError = null)
{
    /// <summary>A new pending item, due at once.</summary>
    public static OutboxMessage Enqueue(OutgoingMail mail, DateTimeOffset now) =>
        new(Guid.NewGuid(), mail, OutboxStatus.Pending, Attempts: 0, CreatedAt: now, NextAttemptAt: now);
}
