using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting.Annual;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.AnnualReports.Pages;

/// <summary>The reports (<c>/rapports</c>): generate the annual documents for a year and scope, the documents generated (hash,
/// who, when), the partner insurers' reports, the complaints officer's analysis (versions with who and when).</summary>
[Authorize(Policy = Policies.ReadsReports)]
public sealed class IndexModel(AnnualReporting reporting, AnnualDocumentStore documents, AnnualAnalysisStore analyses, DeadlineProfileStore profiles,
    TimeProvider time, UserDirectory users) : PageModel
{
    public int Year { get; private set; }
    public string Profile { get; private set; } = "FR";
    public string? Message { get; private set; }
    public IReadOnlyList<AnnualDocument> Documents { get; private set; } = [];
    public IReadOnlyList<InsurerCount> Insurers { get; private set; } = [];
    public IReadOnlyList<AnnualAnalysisVersion> Versions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Label)> Scopes { get; private set; } = [];
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();

    /// <summary>A user's display name (the id when unknown).</summary>
    public string NameOf(string userId) => _names.GetValueOrDefault(userId, userId);

    public bool MayWriteAnalysis => User.IsInRole(Roles.ComplaintsOfficer);

    public async Task<IActionResult> OnGetAsync(int? annee, string? profil, string? message, CancellationToken ct)
    {
        Message = message;
        await LoadAsync(annee, profil, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAnalysisAsync(int annee, string? profil, string? text, int version, CancellationToken ct)
    {
        if (!MayWriteAnalysis) return Forbid();
        string message;
        try
        {
            var scope = await reporting.ScopeAsync(annee, profil, ct);
            var saved = await analyses.SaveAsync(scope.Year, scope.Scope, text, version, HttpContext.GetActor().Id, ct);
            message = $"L'analyse {saved.Year} est enregistrée (version {saved.Version}).";
        }
        catch (RegisterValidationException e)
        {
            message = string.Join(" ", e.Errors.Select(x => x.Message));
        }
        catch (ComplaintConflictException e)
        {
            message = e.Message;
        }
        return RedirectToPage(new { annee, profil, message });
    }

    private async Task LoadAsync(int? year, string? profile, CancellationToken ct)
    {
        Year = year ?? Reclamations.Engine.Api.ZonedTime.InZone(time.GetUtcNow(), Shared.FrenchDates.Zone).Year - 1;
        Profile = string.IsNullOrWhiteSpace(profile) ? "FR" : profile.Trim();
        var all = await profiles.ListAsync(ct);
        Scopes = [.. all.Select(p => p.Jurisdiction).Distinct().Select(j => (j, j == "FR" ? "France (tous les profils FR)" : j == "LU" ? "Luxembourg (tous les profils LU)" : j)),
            .. all.Select(p => (p.Code, $"{p.Name} ({p.Code})")), (AnnualReporting.AllProfiles, "Tous les profils")];
        Documents = await documents.ListAsync(100, ct);
        _names = await users.NamesAsync(ct);
        try
        {
            var scope = await reporting.ScopeAsync(Year, Profile, ct);
            Profile = scope.Scope;
            Versions = await analyses.VersionsAsync(scope.Year, scope.Scope, ct);
            Insurers = await reporting.InsurersAsync(Year, ct);
        }
        catch (RegisterValidationException e)
        {
            Message = string.Join(" ", e.Errors.Select(x => x.Message));
        }
    }

    public string Query => $"year={Year}&profile={Uri.EscapeDataString(Profile)}";
}
