using System.Net;

namespace Reclamations.Web.Tests.Support;

/// <summary>A body sent without a Content-Length (chunked), so that only reading it can find its size.</summary>
internal sealed class UnsizedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
