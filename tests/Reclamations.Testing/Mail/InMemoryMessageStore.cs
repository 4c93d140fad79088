using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Reclamations.Testing.Mail;

/// <summary>The SmtpServer message store of the test server: parses each message received (DATA) and keeps it, with
/// its envelope recipients, in <paramref name="mailbox"/> before the server answers 250.</summary>
internal sealed class InMemoryMessageStore(ReceivedMailbox mailbox) : IMessageStore
{
    public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(buffer.ToArray(), writable: false);
        var message = await MimeMessage.LoadAsync(content, cancellationToken);
        var recipients = transaction.To.Select(r => r.AsAddress()).ToArray();
        mailbox.Add(new ReceivedMail(message, recipients));
        return SmtpResponse.Ok;
    }
}
