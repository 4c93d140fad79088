namespace Reclamations.Domain.Mail;

/// <summary>Delivers one mail. Sending the same <see cref="OutgoingMail.MessageId"/> twice must be harmless.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
