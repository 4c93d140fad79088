using System.Security.Cryptography;
using System.Text;

namespace Reclamations.Domain.Documents;

/// <summary>
/// A letter as it was sent, kept word for word. Immutable: the context refuses any update or delete;
/// only <see cref="SentAt"/> is stamped once, by the outbox, when the mail is delivered.
/// </summary>
public sealed class SentLetter
{
    public Guid Id { get; init; }

    public Guid ComplaintId { get; init; }

    public required string TemplateName { get; init; }

    /// <summary>The version of the template it was rendered with: 0 for the file of <c>templates/</c>, n for the n-th edit
    /// saved in the studio (<see cref="Letters.LetterTemplateVersion"/>). The letter itself is kept as rendered: a later edit
    /// of the template never changes it.</summary>
    public int TemplateVersion { get; init; }

    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    public required string Html { get; init; }

    public required string PlainText { get; init; }

    /// <summary>SHA-256 of <see cref="Html"/> (UTF-8), lowercase hex.</summary>
    public required string Sha256 { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The outbox item carrying the letter; null for a printed letter.</summary>
    public Guid? OutboxMessageId { get; init; }

    public DateTimeOffset? SentAt { get; internal set; }

    public bool Sent => SentAt is not null;

    /// <summary>Who alone may read this letter, comma-separated (the reader groups of the process step that wrote it, e.g.
    /// the litigation branch's letters to insurer and counsel); null: whoever reads the case file.</summary>
    public string? ReaderGroups { get; init; }

    /// <summary>Whether a reader holding <paramref name="groups"/> may read this letter.</summary>
    public bool ReadableBy(IEnumerable<string> groups) =>
        ReaderGroups is null || groups.Any(g => ReaderGroups.Split(',', StringSplitOptions.RemoveEmptyEntries).Contains(g));

    public static SentLetter Create(
        Guid complaintId, string templateName, string recipient, string subject, string html, string plainText,
        DateTimeOffset createdAt, Guid? outboxMessageId, IReadOnlyCollection<string>? readerGroups = null, int templateVersion = 0) => new()
    {
        TemplateVersion = templateVersion,
        ReaderGroups = readerGroups is { Count: > 0 } ? string.Join(',', readerGroups) : null,
        Id = Guid.NewGuid(),
        ComplaintId = complaintId,
        TemplateName = templateName,
        Recipient = recipient,
        Subject = subject,
        Html = html,
        PlainText = plainText,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html))),
        CreatedAt = createdAt,
        OutboxMessageId = outboxMessageId,
    };
}
