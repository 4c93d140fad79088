namespace Reclamations.Domain.Mail;

/// <summary>SMTP when <c>Mail:Smtp:Host</c> is set, otherwise <c>.eml</c> files in the outbox directory.</summary>
public static class MailTransportFactory
{
    public static IMailTransport Create(MailOptions options, TimeProvider timeProvider) =>
        options.UsesSmtp
            ? new SmtpMailTransport(options, timeProvider)
            : new EmlFileMailTransport(options, timeProvider);
}
