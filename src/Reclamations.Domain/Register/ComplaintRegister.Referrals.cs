using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Register;

public sealed partial class ComplaintRegister
{
    /// <summary>Records that the complaint went to the mediator or the CAA (audited in the complaint's trail).</summary>
    /// <exception cref="ComplaintNotFoundException">No complaint has that id.</exception>
    /// <exception cref="RegisterValidationException">A field is missing or invalid; nothing was stored.</exception>
    public async Task<Referral> AddReferralAsync(Guid complaintId, NewReferral input, string user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == complaintId, ct) ?? throw NotFound(complaintId);
        var today = LocalDate(_timeProvider.GetUtcNow(), _firmZone);
        var errors = new List<FieldError>();
        if (input.Body is not { } body || !Enum.IsDefined(body))
            errors.Add(new("body", "Indiquez l'organisme saisi : Mediator (médiateur) ou Caa (Commissariat aux Assurances)."));
        if (input.ReferredOn is not { } on) errors.Add(new("referredOn", "La date de saisine est obligatoire."));
        else if (on > today) errors.Add(new("referredOn", "La date de saisine ne peut pas être dans le futur."));
        else if (on < LocalDate(complaint.ReceivedAt, _firmZone))
            errors.Add(new("referredOn", "La saisine ne peut pas précéder la réception de la réclamation."));
        if (input.FirmAnswerDueOn is { } due)
        {
            if (input.Body != ReferralBody.Caa)
                errors.Add(new("firmAnswerDueOn", "Seul le CAA demande au cabinet sa propre prise de position avec un délai."));
            else if (input.ReferredOn is { } referred && due < referred)
                errors.Add(new("firmAnswerDueOn", "Le délai de réponse au CAA ne peut pas précéder la saisine."));
        }
        if (input.TheirReference is { Length: > 100 }) errors.Add(new("theirReference", "La référence ne doit pas dépasser 100 caractères."));
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        var referral = new Referral
        {
            Id = Guid.NewGuid(), ComplaintId = complaintId, Body = input.Body!.Value, ReferredOn = input.ReferredOn!.Value,
            TheirReference = Trimmed(input.TheirReference), FirmAnswerDueOn = input.FirmAnswerDueOn, Note = Trimmed(input.Note),
            RecordedBy = user, RecordedAt = _timeProvider.GetUtcNow(),
        };
        db.Referrals.Add(referral);
        db.AuditEntries.Add(new AuditEntry
        {
            ComplaintId = complaintId, At = referral.RecordedAt, User = user,
            Action = referral.Body == ReferralBody.Caa ? "Saisine du CAA enregistrée" : "Saisine du médiateur enregistrée",
            Details = AuditDiff.Changes([], AuditDiff.Snapshot(referral), "id", "complaintId", "recordedBy", "recordedAt").ToJsonString(AuditDiff.Json),
        });
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>Records the day the firm sent its own answer to the CAA (audited).</summary>
    /// <exception cref="ComplaintNotFoundException">No such referral on that complaint.</exception>
    /// <exception cref="RegisterValidationException">The date is missing, in the future or before the referral.</exception>
    public async Task<Referral> RecordReferralAnswerAsync(Guid complaintId, Guid referralId, DateOnly? answeredOn, string user,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId && r.ComplaintId == complaintId, ct)
            ?? throw new ComplaintNotFoundException($"La saisine {referralId} n'existe pas pour cette réclamation.");
        var errors = new List<FieldError>();
        if (answeredOn is not { } on) errors.Add(new("answeredOn", "La date d'envoi de la réponse est obligatoire."));
        else if (on > LocalDate(_timeProvider.GetUtcNow(), _firmZone)) errors.Add(new("answeredOn", "La date d'envoi ne peut pas être dans le futur."));
        else if (on < referral.ReferredOn) errors.Add(new("answeredOn", "La réponse ne peut pas précéder la saisine."));
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        var old = referral.FirmAnsweredOn;
        referral.FirmAnsweredOn = answeredOn;
        db.AuditEntries.Add(new AuditEntry
        {
            ComplaintId = complaintId, At = _timeProvider.GetUtcNow(), User = user,
            Action = referral.Body == ReferralBody.Caa ? "Réponse au CAA enregistrée" : "Réponse au médiateur enregistrée",
            Details = AuditDiff.Of($"referrals.{referral.Id}.firmAnsweredOn", old, answeredOn),
        });
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>The complaint's referrals, oldest first.</summary>
    public async Task<IReadOnlyList<Referral>> ReferralsAsync(Guid complaintId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Referrals.AsNoTracking().Where(r => r.ComplaintId == complaintId).OrderBy(r => r.ReferredOn).ThenBy(r => r.RecordedAt)
            .ToListAsync(ct);
    }

    /// <summary>Today in the firm's time zone (for days-left displays).</summary>
    public DateOnly Today() => LocalDate(_timeProvider.GetUtcNow(), _firmZone);
}
