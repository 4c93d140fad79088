using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Persistence;
using Reclamations.Engine.Api;

namespace Reclamations.Domain.Register;

public sealed partial class ComplaintRegister
{
    /// <summary>Reopens a closed complaint (audited with the reason): its deadlines are computed again from the reopening
    /// date with the profile version the complaint records, its status goes back to "in progress", and the register flags
    /// it reopened (<see cref="Complaint.ReopenCount"/>, <see cref="Complaint.ReopenedOn"/>) so that reporting counts it once.
    /// The caller starts the new watch in the same transaction (<c>ComplaintService.ReopenAsync</c>).</summary>
    /// <exception cref="RegisterValidationException">No reason, or the complaint is not closed; nothing was stored.</exception>
    public async Task<(Complaint Complaint, TimeZoneInfo Zone)> ReopenAsync(DomainDbContext db, Guid id, string? reason, string user,
        long? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        var profile = await ProfileOfAsync(db, id, cancellationToken);
        var zone = ZonedTime.FindZone(profile.TimeZoneId, nameof(profile));
        if (string.IsNullOrWhiteSpace(reason))
            throw new RegisterValidationException([new FieldError("reason", "La réouverture d'une réclamation doit être motivée.")]);
        var today = LocalDate(_timeProvider.GetUtcNow(), zone);
        var complaint = await UpdateAsync(db, id, user, $"Réouverture, échéances recalculées au {today:dd/MM/yyyy} (motif : {reason.Trim()})", c =>
        {
            if (c.Status != ComplaintStatus.Closed)
                throw new RegisterValidationException([new FieldError("status",
                    $"Seule une réclamation clôturée peut être rouverte ; {c.Reference} ne l'est pas.")]);
            ApplyDeadlines(c, DeadlineCalculator.Compute(profile, today, null));
            c.Status = ComplaintStatus.InProgress;
            c.Level = ComplaintLevel.First;
            c.ClosedAt = null;
            c.AnswerExpectedOn = null;
            c.ReopenCount++;
            c.ReopenedOn = [.. c.ReopenedOn, today];
        }, expectedRevision, cancellationToken);
        return (complaint, zone);
    }
}
