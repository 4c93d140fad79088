namespace Reclamations.Domain.Documents;

/// <summary>A verified document open for reading; the caller disposes it.</summary>
public sealed class OpenedDocument(ComplaintDocument metadata, Stream content) : IAsyncDisposable, IDisposable
{
    public ComplaintDocument Metadata { get; } = metadata;

    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}
