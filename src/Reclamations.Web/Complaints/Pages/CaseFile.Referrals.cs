using Microsoft.AspNetCore.Mvc;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Complaints.Pages;

/// <summary>The case file's referrals (mediator, CAA) and reopening: Staff and the complaints officer (policy KeepsCaseFile).</summary>
public sealed partial class CaseFileModel
{
    public IReadOnlyList<Referral> Referrals { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Whether the reader may record referrals and reopen (Staff, ComplaintsOfficer).</summary>
    public bool MayKeepCaseFile => User.IsInRole(Roles.Staff) || User.IsInRole(Roles.ComplaintsOfficer);

    private async Task LoadReferralsAsync(ComplaintRegister register, CancellationToken ct)
    {
        Referrals = await register.ReferralsAsync(CaseFile.Complaint.Id, ct);
        Today = register.Today();
    }

    public async Task<IActionResult> OnPostReferralAsync(string reference, ReferralBody? body, DateOnly? referredOn, string? theirReference,
        DateOnly? firmAnswerDueOn, [FromServices] ComplaintRegister register, CancellationToken ct)
    {
        if (!MayKeepCaseFile) return Forbid();
        if (!await LoadAsync(reference, ct)) return NotFound();
        try
        {
            await register.AddReferralAsync(CaseFile.Complaint.Id, new NewReferral(body, referredOn, theirReference, firmAnswerDueOn, null),
                HttpContext.GetActor().Id, ct);
        }
        catch (RegisterValidationException e)
        {
            return Done(reference, string.Join(" ", e.Errors.Select(x => x.Message)));
        }
        return Done(reference, "La saisine est enregistrée et tracée dans l'historique.");
    }

    public async Task<IActionResult> OnPostReferralAnswerAsync(string reference, Guid referralId, DateOnly? answeredOn,
        [FromServices] ComplaintRegister register, CancellationToken ct)
    {
        if (!MayKeepCaseFile) return Forbid();
        if (!await LoadAsync(reference, ct)) return NotFound();
        try
        {
            await register.RecordReferralAnswerAsync(CaseFile.Complaint.Id, referralId, answeredOn, HttpContext.GetActor().Id, ct);
        }
        catch (Exception e) when (e is RegisterValidationException or ComplaintNotFoundException)
        {
            return Done(reference, e is RegisterValidationException v ? string.Join(" ", v.Errors.Select(x => x.Message)) : e.Message);
        }
        return Done(reference, "La réponse du cabinet est enregistrée et tracée dans l'historique.");
    }

    public async Task<IActionResult> OnPostReopenAsync(string reference, string? reason, long revision, [FromServices] ComplaintService complaints,
        CancellationToken ct)
    {
        if (!MayKeepCaseFile) return Forbid();
        if (!await LoadAsync(reference, ct)) return NotFound();
        try
        {
            await complaints.ReopenAsync(CaseFile.Complaint.Id, reason, HttpContext.GetActor(), revision, ct);
        }
        catch (ComplaintConflictException)
        {
            return Done(reference, "Le dossier a été modifié entre-temps : rechargez-le et recommencez.");
        }
        catch (RegisterValidationException e)
        {
            return Done(reference, string.Join(" ", e.Errors.Select(x => x.Message)));
        }
        return Done(reference, "La réclamation est rouverte : ses échéances courent à nouveau à partir d'aujourd'hui ; la réouverture est tracée.");
    }
}
