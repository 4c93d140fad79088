using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;

namespace Reclamations.Domain.Retention;

/// <summary>The legal hold of a complaint (litigation, inspection): set or cleared with a reason, audited field by field;
/// its process instances follow (the engine's legal hold: no history cleanup, no erasure).</summary>
public sealed class LegalHolds(ComplaintRegister register, ProcessEngine engine)
{
    public const string SetAction = "Conservation légale posée";
    public const string ClearedAction = "Conservation légale levée";

    /// <exception cref="RegisterValidationException">No reason given; nothing changed.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has that id.</exception>
    public async Task<Complaint> SetAsync(Guid complaintId, bool hold, string? reason, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(reason))
            throw new RegisterValidationException([new FieldError("reason", "Indiquez le motif de la conservation légale (contentieux, contrôle…).")]);
        var complaint = await register.UpdateAsync(complaintId, actor.Id, hold ? SetAction : ClearedAction, c =>
        {
            c.LegalHold = hold;
            c.LegalHoldReason = reason.Trim();
        }, cancellationToken: ct);
        // The engine's hold follows the complaint's (the domain decided who may; the engine acts as itself).
        if (complaint.ProcessInstanceId is { } instanceId)
            await engine.SetLegalHoldAsync(instanceId, hold, $"{reason.Trim()} ({actor.Id})", Actor.System, ct);
        return complaint;
    }

    /// <summary>The same from a process step (the litigation's start): the complaint's hold in the step's transaction
    /// (<paramref name="db"/>, from <see cref="DomainDb.On(ServiceTaskContext)"/>), and the engine's on the step's call chain in
    /// that same transaction, so that both commit with the step or not at all. Only set, never lifted here (an Admin lifts it).</summary>
    public async Task<Complaint> SetInStepAsync(DomainDbContext db, ServiceTaskContext step, Guid complaintId, string reason, string user,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (string.IsNullOrWhiteSpace(reason))
            throw new RegisterValidationException([new FieldError("reason", "Indiquez le motif de la conservation légale (contentieux, contrôle…).")]);
        var complaint = await register.UpdateAsync(db, complaintId, user, SetAction, c =>
        {
            c.LegalHold = true;
            c.LegalHoldReason = reason.Trim();
        }, cancellationToken: ct);
        if (step.PlaceLegalHoldAsync is not { } place)
            throw new InvalidOperationException("The engine gave this step no legal hold.");
        await place($"{reason.Trim()} ({user})", ct);
        return complaint;
    }
}
