using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Engine.Handlers;

namespace Reclamations.Domain.Workflow;

/// <summary>Writes a letter (topic send-letter, inputs template and recipient): rendered strictly from the register and
/// the process variables, kept as sent in the case file, and queued in the mail outbox — all in the engine step's
/// transaction, so a letter exists exactly when the step committed and the outbox sends it once. A complainant without
/// an e-mail address gets the letter by post: it is kept, marked for printing, and not mailed.</summary>
public sealed class SendLetterHandler(LetterRenderer renderer, FirmSettings firm, MailOptions mail) : IServiceTaskHandler
{
    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var template = WorkflowVariables.Text(context.Inputs, "template");
        var recipient = WorkflowVariables.Text(context.Inputs, "recipient");
        var id = WorkflowVariables.ComplaintId(context.Variables);
        await using var db = DomainDb.On(context.Connection, context.Transaction);
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                        ?? throw new InvalidOperationException($"La réclamation {id} n'existe pas.");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(firm.TimeZoneId);
        var model = LetterModelBuilder.Build(template, complaint, context.Variables, firm, zone);
        var letter = renderer.Render(template, model);
        var subject = letter.Subject ?? $"Réclamation {complaint.Reference}";
        var address = recipient switch
        {
            "complainant" => complaint.Complainant.Email,
            "insurer" => WorkflowVariables.Text(context.Variables, "insurerEmail"),
            "counsel" => WorkflowVariables.Text(context.Variables, "counselEmail"),
            _ => throw new InvalidOperationException($"Destinataire inconnu : « {recipient} »."),
        };
        Guid? outboxId = null;
        if (!string.IsNullOrWhiteSpace(address))
        {
            var message = new OutgoingMail(MailMessageIds.New(complaint.Reference, NotifyHandler.MailDomain(mail)), complaint.Reference,
                address, subject, letter.Html, letter.PlainText);
            outboxId = OutboxWriter.Enqueue(db, message, complaint.Id, context.Now).Id;
        }
        db.SentLetters.Add(SentLetter.Create(complaint.Id, template, address ?? $"{complaint.Complainant.Name} (courrier postal)",
            subject, letter.Html, letter.PlainText, context.Now, outboxId, context.ReaderGroups));
        db.AuditEntries.Add(new AuditEntry
        {
            ComplaintId = complaint.Id,
            At = context.Now,
            User = ComplaintProcess.WorkflowUser,
            Action = outboxId is null ? $"Courrier à imprimer : {template}" : $"Courrier envoyé : {template}",
            Details = System.Text.Json.JsonSerializer.Serialize(new { template, recipient, to = address, subject }),
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
