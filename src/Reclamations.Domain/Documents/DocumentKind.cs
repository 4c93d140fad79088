namespace Reclamations.Domain.Documents;

public enum DocumentKind
{
    /// <summary>The complaint itself (letter, email, scan).</summary>
    OriginalLetter,

    Attachment,

    /// <summary>A copy of a letter sent to the complainant or a third party.</summary>
    SentLetter,
}
