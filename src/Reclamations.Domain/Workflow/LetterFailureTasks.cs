using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;

namespace Reclamations.Domain.Workflow;

/// <summary>A letter whose mail failed for good raises a task for the ComplaintsOfficer: it starts the process
/// <c>letter-failure</c> (workflows/letter-failure.bpmn), business key the complaint's reference. Internal alerts (mails that
/// carry no letter) only stay on the letters desk.</summary>
public sealed class LetterFailureTasks(ProcessEngine engine, IDbContextFactory<DomainDbContext> dbFactory) : IMailFailureListener
{
    public const string ProcessKey = "letter-failure";

    public async Task MailFailedAsync(OutboxMessage item, string error, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var letter = await db.SentLetters.AsNoTracking().FirstOrDefaultAsync(l => l.OutboxMessageId == item.Id, cancellationToken);
        if (letter is null) return;
        await engine.StartProcessAsync(ProcessKey, item.Mail.ComplaintReference, new Dictionary<string, object?>
        {
            ["complaintId"] = letter.ComplaintId.ToString(),
            ["reference"] = item.Mail.ComplaintReference,
            ["template"] = letter.TemplateName,
            ["letterId"] = letter.Id.ToString(),
            ["outboxId"] = item.Id.ToString(),
            ["to"] = item.Mail.To,
            ["subject"] = item.Mail.Subject,
            ["error"] = error,
        }, Actor.System, cancellationToken);
    }
}
