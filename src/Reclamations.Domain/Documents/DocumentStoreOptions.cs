namespace Reclamations.Domain.Documents;

public sealed record DocumentStoreOptions
{
    public const long DefaultMaxSizeBytes = 20L * 1024 * 1024;

    /// <summary>The application's data directory; files go to <c>{DataDirectory}/documents/…</c>.</summary>
    public required string DataDirectory { get; init; }

    public long MaxSizeBytes { get; init; } = DefaultMaxSizeBytes;
}
