using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;
using Reclamations.Engine.Handlers;

namespace Reclamations.Domain.Workflow;

/// <summary>Writes a letter (topic send-letter, inputs template and recipient): rendered strictly from the register and
/// the process variables, kept as sent in the case file, and queued in the mail outbox — all in the engine step's
/// transaction, so a letter exists exactly when the step committed and the outbox sends it once. A complaint made by a representative
/// goes to the representative. A complainant without
/// an e-mail address gets the letter by post: it is kept, marked for printing, and not mailed. Outside Development no letter
/// leaves while the firm's identity is incomplete: the step fails naming the missing settings, and the engine's incident
/// carries that message until the identity is completed and the job retried.</summary>
public sealed class SendLetterHandler(LetterWriter writer) : IServiceTaskHandler
{
    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var template = WorkflowVariables.Text(context.Inputs, "template");
        var recipient = WorkflowVariables.Text(context.Inputs, "recipient");
        var id = WorkflowVariables.ComplaintId(context.Variables);
        await using var db = DomainDb.On(context);
        writer.EnsureMayLeave(db);
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
                        ?? throw new InvalidOperationException($"La réclamation {id} n'existe pas.");
        var address = recipient switch
        {
            "complainant" => complaint.Representative is { } representative ? representative.Email : complaint.Complainant.Email,
            "insurer" => WorkflowVariables.Text(context.Variables, "insurerEmail"),
            "counsel" => WorkflowVariables.Text(context.Variables, "counselEmail"),
            _ => throw new InvalidOperationException($"Destinataire inconnu : « {recipient} »."),
        };
        // A letter to the complainant is the case file's, whatever step sent it (the client is told, the firm's complaint
        // handlers must see what): only the letters to third parties (insurer, counsel) keep the step's reader groups.
        writer.Write(db, complaint, template, context.Variables, recipient, address, context.Now, ComplaintProcess.WorkflowUser,
            recipient == "complainant" ? null : context.ReaderGroups);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
