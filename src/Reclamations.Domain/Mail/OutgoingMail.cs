namespace Reclamations.Domain.Mail;

/// <summary>
/// One mail to send. <see cref="MessageId"/> is fixed when the mail is created (outbox enqueue) and
/// becomes the Message-Id header and the <c>.eml</c> file name, so a resend is recognisable and
/// never duplicated. The subject must contain the complaint reference.
/// </summary>
public sealed record OutgoingMail
{
    public OutgoingMail(
        string messageId,
        string complaintReference,
        string to,
        string subject,
        string html,
        string plainText,
        IReadOnlyList<MailAttachment>? attachments = null)
    {
        MailMessageIds.EnsureValid(messageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(complaintReference);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(plainText);
        if (!subject.Contains(complaintReference, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The subject must contain the complaint reference '{complaintReference}': '{subject}'.", nameof(subject));
        }

        MessageId = messageId;
        ComplaintReference = complaintReference;
        To = to;
        Subject = subject;
        Html = html;
        PlainText = plainText;
        Attachments = attachments ?? [];
    }

    /// <summary>Message-Id without angle brackets, <c>left@right</c>.</summary>
    public string MessageId { get; }

    public string ComplaintReference { get; }

    /// <summary>Recipient address, e.g. <c>Claire Martin &lt;claire@example.fr&gt;</c>.</summary>
    public string To { get; }

    public string Subject { get; }

    public string Html { get; }

    public string PlainText { get; }

    public IReadOnlyList<MailAttachment> Attachments { get; }
}
