namespace Reclamations.Domain.Documents;

/// <summary>The stored file is missing or no longer matches the SHA-256 recorded at upload.</summary>
public sealed class DocumentIntegrityException(Guid documentId, string message) : Exception(message)
{
    public Guid DocumentId { get; } = documentId;
}
