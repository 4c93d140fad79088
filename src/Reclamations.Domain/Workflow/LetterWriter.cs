using Reclamations.Domain.Audit;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Workflow;

/// <summary>Writes one letter of a complaint on a domain context (the caller's transaction): rendered strictly from the
/// register and the given variables, kept as sent in the case file, queued in the mail outbox when there is an address
/// (else kept for printing), and audited. The caller saves.</summary>
public sealed class LetterWriter(LetterRenderer renderer, FirmSettings firm, MailOptions mail)
{
    public SentLetter Write(DomainDbContext db, Complaint complaint, string template, IReadOnlyDictionary<string, object?> variables,
        string recipient, string? address, DateTimeOffset now, string user, IReadOnlyCollection<string>? readerGroups = null)
    {
        var letter = Preview(complaint, template, variables);
        var subject = letter.Subject ?? $"Réclamation {complaint.Reference}";
        Guid? outboxId = null;
        if (!string.IsNullOrWhiteSpace(address))
        {
            var message = new OutgoingMail(MailMessageIds.New(complaint.Reference, NotifyHandler.MailDomain(mail)), complaint.Reference,
                address, subject, letter.Html, letter.PlainText);
            outboxId = OutboxWriter.Enqueue(db, message, complaint.Id, now).Id;
        }
        var sent = SentLetter.Create(complaint.Id, template, address ?? $"{complaint.Complainant.Name} (courrier postal)",
            subject, letter.Html, letter.PlainText, now, outboxId, readerGroups);
        db.SentLetters.Add(sent);
        db.AuditEntries.Add(new AuditEntry
        {
            ComplaintId = complaint.Id,
            At = now,
            User = user,
            Action = outboxId is null ? $"Courrier à imprimer : {template}" : $"Courrier envoyé : {template}",
            Details = System.Text.Json.JsonSerializer.Serialize(new { template, recipient, to = address, subject }),
        });
        return sent;
    }

    /// <summary>The letter exactly as <see cref="Write"/> renders it now for the same complaint and variables (same model,
    /// same template, same strict rules), kept and sent nowhere: the task page's preview. Throws
    /// <see cref="LetterRenderException"/> (a value is missing) or <see cref="LetterTemplateException"/> (unknown
    /// template) as <see cref="Write"/> would.</summary>
    public RenderedLetter Preview(Complaint complaint, string template, IReadOnlyDictionary<string, object?> variables)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(firm.TimeZoneId);
        var model = LetterModelBuilder.Build(template, complaint, variables, firm, zone);
        return renderer.Render(template, model);
    }
}
