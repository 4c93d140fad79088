using MailKit.Net.Smtp;
using MailKit.Security;

namespace Reclamations.Domain.Mail;

/// <summary>Sends through an SMTP server with MailKit; one connection per mail.</summary>
public sealed class SmtpMailTransport(MailOptions options, TimeProvider timeProvider) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.SmtpHost))
        {
            throw new InvalidOperationException("Mail:Smtp:Host is not configured.");
        }

        var message = MimeMessageFactory.Create(mail, options.From, timeProvider.GetUtcNow());
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost, options.SmtpPort, ToSocketOptions(options.SmtpSecurity), cancellationToken);
        if (options.SmtpUser is not null)
        {
            await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };
}
