using Reclamations.Domain.Mail;

namespace Reclamations.Domain.Settings;

/// <summary>Sends each mail through the SMTP server stored in the studio's settings when there is one, else through the
/// configuration's transport (SMTP, or <c>.eml</c> files without a host). Read at each send: an edit applies to the next mail.</summary>
public sealed class StoredSettingsMailTransport(SmtpSettingsStore store, MailOptions configured, TimeProvider time) : IMailTransport
{
    private readonly IMailTransport _configured = MailTransportFactory.Create(configured, time);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var stored = await store.CurrentAsync(cancellationToken);
        var transport = stored is null ? _configured : new SmtpMailTransport(stored.Apply(configured), time);
        await transport.SendAsync(mail, cancellationToken);
    }
}
