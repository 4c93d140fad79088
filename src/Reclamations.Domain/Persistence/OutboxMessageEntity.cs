using Reclamations.Domain.Mail;

namespace Reclamations.Domain.Persistence;

/// <summary>A stored outbox item (attachments are not stored: letters go as HTML + text).</summary>
public sealed class OutboxMessageEntity
{
    public Guid Id { get; init; }

    /// <summary>Message-Id fixed at enqueue time (unique).</summary>
    public required string MessageId { get; init; }

    public Guid? ComplaintId { get; init; }

    public required string ComplaintReference { get; init; }

    public required string To { get; init; }

    public required string Subject { get; init; }

    public required string Html { get; init; }

    public required string PlainText { get; init; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    internal OutboxMessage ToMessage() => new(
        Id,
        new OutgoingMail(MessageId, ComplaintReference, To, Subject, Html, PlainText),
        Status,
        Attempts,
        CreatedAt,
        NextAttemptAt,
        SentAt,
        LastError);
}
