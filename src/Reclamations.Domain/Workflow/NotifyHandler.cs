using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Engine.Handlers;

namespace Reclamations.Domain.Workflow;

/// <summary>Internal alert to a role (topic notify): an e-mail through the outbox to the role's address from
/// settings (edited in the studio, <see cref="Settings.NotificationAddressStore"/>; until then <c>Notifications:{Role}</c>),
/// and an audit entry in any case.</summary>
public sealed class NotifyHandler(Settings.NotificationAddressStore addresses, FirmSettings firm, MailOptions mail) : IServiceTaskHandler
{
    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var role = WorkflowVariables.Text(context.Inputs, "role");
        var subject = WorkflowVariables.Text(context.Inputs, "subject");
        var reference = WorkflowVariables.Text(context.Variables, "reference");
        var id = WorkflowVariables.ComplaintId(context.Variables);
        await using var db = DomainDb.On(context);
        var address = (await addresses.ReadAsync(db, cancellationToken)).AddressOf(role);
        if (address is not null)
        {
            var text = $"{subject}\n\nRéclamation {reference}.\n\n{firm.Name}";
            var html = $"<p>{System.Net.WebUtility.HtmlEncode(subject)}</p><p>Réclamation {System.Net.WebUtility.HtmlEncode(reference)}.</p>";
            var message = new OutgoingMail(MailMessageIds.New(reference, MailDomain(mail)), reference, address,
                $"[{reference}] {subject}", html, text);
            OutboxWriter.Enqueue(db, message, id, context.Now);
        }
        db.AuditEntries.Add(new AuditEntry
        {
            ComplaintId = id,
            At = context.Now,
            User = ComplaintProcess.WorkflowUser,
            Action = $"Alerte {role} : {subject}",
            Details = System.Text.Json.JsonSerializer.Serialize(new { mail = address ?? "aucune adresse configurée" }),
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    internal static string MailDomain(MailOptions mail) =>
        mail.From is { } from && from.Contains('@') ? from[(from.IndexOf('@') + 1)..] : "reclamations.local";
}
