using Reclamations.Domain.Audit;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;

namespace Reclamations.Domain.Workflow;

/// <summary>Registers a complaint and starts its workflow; delivers the client's reaction to it.</summary>
public sealed class ComplaintService(ComplaintRegister register, ProcessEngine engine, LetterWriter letters)
{
    /// <summary>The letter a complainant receives at once when filing on the public web form: a dated copy.</summary>
    public const string WebFormCopyTemplate = "copie-formulaire";

    /// <summary>A complaint filed on the public web form: registered like any other and, in the same transaction, its dated
    /// copy written to the complainant (mailed when an address is given). While the firm's identity is incomplete (outside
    /// Development) the complaint is registered all the same but no copy leaves: the case file records why.</summary>
    public Task<Complaint> RegisterFromWebFormAsync(NewComplaint input, Actor actor, CancellationToken ct = default) =>
        RegisterAsync(input, actor, ct, (db, complaint) =>
        {
            var problems = letters.ReleaseProblems(db);
            if (problems.Count > 0)
                db.AuditEntries.Add(new AuditEntry
                {
                    ComplaintId = complaint.Id, At = complaint.CreatedAt, User = actor.Id,
                    Action = $"Copie datée non envoyée : identité du cabinet incomplète ({string.Join(" ; ", problems)})",
                });
            else
                letters.Write(db, complaint, WebFormCopyTemplate, new Dictionary<string, object?>(), "complainant",
                    complaint.Complainant.Email, complaint.CreatedAt, actor.Id);
            return db.SaveChangesAsync(ct);
        });

    /// <summary>Stores the complaint (reference, deadlines, audit) and starts <c>complaint-handling</c> with its reference as
    /// business key, in ONE transaction (the engine's): a complaint is never registered without the workflow that handles it.
    /// <paramref name="actor"/> registers it (audit) and starts the workflow: the engine refuses who may not start it.</summary>
    public Task<Complaint> RegisterAsync(NewComplaint input, Actor actor, CancellationToken ct = default) =>
        RegisterAsync(input, actor, ct, null);

    private async Task<Complaint> RegisterAsync(NewComplaint input, Actor actor, CancellationToken ct,
        Func<DomainDbContext, Complaint, Task>? alsoInTransaction)
    {
        var user = actor.Id;
        Complaint? complaint = null;
        await engine.StartProcessAsync(ComplaintProcess.Key,
            async transaction =>
            {
                await using var db = DomainDb.On(transaction);
                complaint = await register.RegisterAsync(db, input, user, ct);
                return new ProcessStart(complaint.Reference, StartVariables(complaint, await register.ProfileOfAsync(db, complaint.Id, ct)));
            },
            async (transaction, instance) =>
            {
                await using var db = DomainDb.On(transaction);
                complaint = await register.UpdateAsync(db, complaint!.Id, user, AuditActions.ProcessAttached,
                    c => c.ProcessInstanceId = instance.Id, cancellationToken: ct);
                if (alsoInTransaction is not null) await alsoInTransaction(db, complaint);
            },
            actor, ct);
        return complaint!;
    }

    /// <summary>Corrects the dates the deadlines come from (a corrected receipt or sending date, an oral complaint's written
    /// confirmation): the register computes the deadlines again from the profile version the complaint records and, in the
    /// same transaction (the engine's), the process's stored dates are revised and its pending timers and due dates move.
    /// A complaint whose workflow is over only has its register corrected. Audited in the register (reason) and the engine
    /// history (who, old and new dates).</summary>
    /// <exception cref="RegisterValidationException">A date is invalid or no reason is given; nothing changed.</exception>
    public async Task<Complaint> CorrectDatesAsync(Guid complaintId, DateCorrection correction, Actor actor, long? expectedRevision = null,
        CancellationToken ct = default)
    {
        var current = (await register.GetAsync(complaintId, ct)).Complaint;
        if (current.ProcessInstanceId is not { } instanceId
            || (await engine.GetProcessInstanceAsync(instanceId, Actor.System, ct)).State != "Active")
        {
            await using var own = await register.OpenAsync(ct);
            return (await register.ReviseDatesAsync(own, complaintId, correction, actor.Id, expectedRevision, ct)).Complaint;
        }
        Complaint? revised = null;
        await engine.ReviseDatesAsync(instanceId, async transaction =>
        {
            await using var db = DomainDb.On(transaction);
            var (complaint, zone) = await register.ReviseDatesAsync(db, complaintId, correction, actor.Id, expectedRevision, ct);
            revised = complaint;
            return DeadlineVariables.For(complaint, zone);
        }, actor, ct);
        return revised!;
    }

    /// <summary>Reopens a closed complaint (Staff, ComplaintsOfficer; a reason is required): the register recomputes its deadlines
    /// from the reopening date with the profile version it records and flags it reopened, and, in the same transaction (the
    /// engine's), a new instance of <c>complaint-handling</c> (business key = reference) starts at the handling step with those
    /// deadlines (<see cref="ComplaintProcess.ReopenedStart"/>): an acknowledged complaint starts at the reviewer's appointment,
    /// one never acknowledged at the handling step's start; the reminders and breaches watch the new dates. The engine refuses an actor who may not start the workflow.</summary>
    /// <exception cref="RegisterValidationException">No reason, or the complaint is not closed; nothing changed.</exception>
    public async Task<Complaint> ReopenAsync(Guid complaintId, string? reason, Actor actor, long? expectedRevision = null,
        CancellationToken ct = default)
    {
        var acknowledged = (await register.GetAsync(complaintId, ct)).Complaint.AcknowledgedAt is not null;
        Complaint? reopened = null;
        await engine.StartProcessAtAsync(ComplaintProcess.Key, ComplaintProcess.ReopenedStart(acknowledged),
            async transaction =>
            {
                await using var db = DomainDb.On(transaction);
                var (complaint, _) = await register.ReopenAsync(db, complaintId, reason, actor.Id, expectedRevision, ct);
                if ((complaint.AcknowledgedAt is not null) != acknowledged)
                    throw new ComplaintConflictException($"La réclamation {complaint.Reference} a été modifiée entre-temps : recommencez.");
                var variables = StartVariables(complaint, await register.ProfileOfAsync(db, complaint.Id, ct));
                variables["acknowledged"] = acknowledged;
                variables["reopened"] = true;
                return new ProcessStart(complaint.Reference, variables);
            },
            async (transaction, instance) =>
            {
                await using var db = DomainDb.On(transaction);
                reopened = await register.UpdateAsync(db, complaintId, actor.Id, AuditActions.ProcessAttached,
                    c => c.ProcessInstanceId = instance.Id, cancellationToken: ct);
            },
            actor, ct);
        return reopened!;
    }

    /// <summary>The process variables the workflows rely on (see workflows/README.md), the stored deadlines among them.</summary>
    public static Dictionary<string, object?> StartVariables(Complaint complaint, DeadlineProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var zone = ZonedTime.FindZone(profile.TimeZoneId, nameof(profile));
        var variables = DeadlineVariables.For(complaint, zone);
        variables["complaintId"] = complaint.Id.ToString();
        variables["reference"] = complaint.Reference;
        variables["profile"] = complaint.ProfileCode;
        variables["receivedAt"] = complaint.ReceivedAt;
        variables["isOral"] = complaint.IsOral;
        variables["channel"] = complaint.Channel.ToString();
        variables["handler"] = complaint.Handler ?? "";
        variables["personsInvolved"] = complaint.PersonsInvolved.Cast<object?>().ToList();
        variables["acknowledged"] = false;
        variables["answered"] = false;
        // The profile's rules as they were at registration (seeds 003, 004): who gives the second level, whether Direction
        // validates and the complaints officer countersigns every answer, whether Direction hears of every new complaint.
        variables["secondLevelReviewerGroup"] = profile.SecondLevelReviewerGroup;
        variables["directionValidatesAnswers"] = profile.DirectionValidatesAnswers;
        variables["officerCountersignsAnswers"] = profile.OfficerCountersignsAnswers;
        variables["directionInformedOnReceipt"] = profile.DirectionInformedOnReceipt;
        // While the litigation branch runs (inLitigation, set by record-litigation), the answer breach follows the profile.
        variables["litigationBreachPolicy"] = profile.LitigationBreachPolicy.ToString();
        variables["inLitigation"] = false;
        variables["clientLegalThreat"] = false;
        // Who examined or approved the first level (filled by the first-level-decision listener): never the second level.
        variables["firstLevelDeciders"] = new List<object?>();
        return variables;
    }

    /// <summary>The client's reaction to the answer (message <c>client-reply</c>). Returns how many waiting steps received it
    /// (0: the workflow is not waiting for a reaction). The engine refuses an actor who is not a message sender.</summary>
    public Task<int> RecordClientReplyAsync(Complaint complaint, bool satisfied, string? comment, Actor actor, CancellationToken ct = default) =>
        RecordClientReplyAsync(complaint, satisfied, comment, legalThreat: false, actor, ct);

    /// <summary>The same, where the client may announce legal action or a referral to the regulator (seed 000: « une action
    /// en justice »): <paramref name="legalThreat"/> opens the litigation branch (<c>clientLegalThreat</c>).</summary>
    /// <exception cref="RegisterValidationException">A satisfied client cannot threaten legal action; nothing is sent.</exception>
    public Task<int> RecordClientReplyAsync(Complaint complaint, bool satisfied, string? comment, bool legalThreat, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (satisfied && legalThreat)
            throw new RegisterValidationException([new FieldError("legalThreat",
                "Un client satisfait ne peut pas annoncer d'action en justice : décochez l'une des deux réponses.")]);
        return engine.CorrelateMessageAsync(ComplaintProcess.ClientReplyMessage, complaint.Reference, null,
            new Dictionary<string, object?>
            {
                ["clientSatisfied"] = satisfied,
                ["clientLegalThreat"] = legalThreat,
                ["clientReaction"] = string.IsNullOrWhiteSpace(comment)
                    ? (legalThreat ? "Menace d'action en justice" : satisfied ? "Client satisfait" : "Client insatisfait")
                    : comment,
            }, actor, ct);
    }
}
