using Microsoft.AspNetCore.Mvc;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting.RootCauses;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Complaints.Pages;

/// <summary>The case file's root-cause analysis: the complaints officer gives the complaint its causes and the "systemic" flag
/// (audited on the complaint); every reader of the case file sees them.</summary>
public sealed partial class CaseFileModel
{
    /// <summary>Whether the reader may set the causes (the complaints officer).</summary>
    public bool MayAnalyseCauses => User.IsInRole(Roles.ComplaintsOfficer);

    public async Task<IActionResult> OnPostRootCausesAsync(string reference, string[]? rootCauses, bool systemic, long revision,
        [FromServices] RootCauseCatalog catalog, CancellationToken ct)
    {
        if (!MayAnalyseCauses) return Forbid();
        if (!await LoadAsync(reference, ct)) return NotFound();
        try
        {
            await catalog.AssignAsync(CaseFile.Complaint.Id, rootCauses ?? [], systemic, HttpContext.GetActor().Id, revision, ct);
        }
        catch (Exception e) when (e is RegisterValidationException or ComplaintConflictException)
        {
            return Done(reference, e is RegisterValidationException v ? string.Join(" ", v.Errors.Select(x => x.Message)) : e.Message);
        }
        return Done(reference, "L'analyse des causes est enregistrée et tracée dans l'historique.");
    }
}
