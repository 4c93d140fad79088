using MimeKit;

namespace Reclamations.Domain.Mail;

/// <summary>Builds the MIME message: multipart/alternative (text, then HTML), plus attachments.</summary>
internal static class MimeMessageFactory
{
    public static MimeMessage Create(OutgoingMail mail, string from, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            MessageId = mail.MessageId,
            Date = date,
            Subject = mail.Subject,
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));

        var body = new BodyBuilder { TextBody = mail.PlainText, HtmlBody = mail.Html };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
