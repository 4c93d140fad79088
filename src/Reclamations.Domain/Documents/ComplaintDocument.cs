namespace Reclamations.Domain.Documents;

/// <summary>Metadata of a file of a complaint's case file; the bytes live under the data directory.</summary>
public sealed class ComplaintDocument
{
    public Guid Id { get; init; }

    public Guid ComplaintId { get; init; }

    public DocumentKind Kind { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    /// <summary>SHA-256 of the content, lowercase hex.</summary>
    public required string Sha256 { get; init; }

    public long Size { get; init; }

    /// <summary>Path relative to the data directory, with forward slashes.</summary>
    public required string StoragePath { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    public required string UploadedBy { get; init; }
}
