namespace Reclamations.Domain.Documents;

/// <summary>The upload is over the size limit; nothing was stored.</summary>
public sealed class DocumentTooLargeException(long maxSizeBytes)
    : Exception($"Le fichier dépasse la taille maximale autorisée ({maxSizeBytes / (1024 * 1024)} Mo).")
{
    public long MaxSizeBytes { get; } = maxSizeBytes;
}
