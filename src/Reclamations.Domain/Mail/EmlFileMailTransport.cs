namespace Reclamations.Domain.Mail;

/// <summary>
/// Writes each mail as <c>{MessageId}.eml</c> under the outbox directory (used when no SMTP host is
/// configured). A Message-Id already written is left as it is: never overwritten, never duplicated.
/// </summary>
public sealed class EmlFileMailTransport(string directory, string from, TimeProvider timeProvider) : IMailTransport
{
    public EmlFileMailTransport(MailOptions options, TimeProvider timeProvider)
        : this(options.OutboxDirectory, options.From, timeProvider)
    {
    }

    public string Directory { get; } = directory;

    public string PathFor(string messageId) => Path.Combine(Directory, messageId + ".eml");

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var path = PathFor(mail.MessageId);
        if (File.Exists(path))
        {
            return;
        }

        System.IO.Directory.CreateDirectory(Directory);
        var message = MimeMessageFactory.Create(mail, from, timeProvider.GetUtcNow());
        var temporary = Path.Combine(Directory, $".{mail.MessageId}.{Guid.NewGuid():N}.tmp");
        try
        {
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Written meanwhile by another sender of the same Message-Id: that copy stands.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
