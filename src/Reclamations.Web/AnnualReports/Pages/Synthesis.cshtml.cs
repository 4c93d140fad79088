using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting.Annual;
using Reclamations.Web.Accounts;

namespace Reclamations.Web.AnnualReports.Pages;

/// <summary>The annual synthesis as a printable page (<c>/rapports/synthese-annuelle?annee=&amp;profil=</c>): the same figures,
/// charts and tables as the PDF.</summary>
[Authorize(Policy = Policies.ReadsReports)]
public sealed class SynthesisModel(AnnualReporting reporting, AnnualAnalysisStore analyses, LetterSettingsStore settings, TimeProvider time) : PageModel
{
    public AnnualFigures? Figures { get; private set; }
    public AnnualAnalysisVersion? Analysis { get; private set; }
    public string FirmName { get; private set; } = "";
    public string? Error { get; private set; }
    public int Year { get; private set; }
    public string? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? annee, string? profil, CancellationToken ct)
    {
        Year = annee ?? Reclamations.Engine.Api.ZonedTime.InZone(time.GetUtcNow(), Shared.FrenchDates.Zone).Year - 1;
        Profile = string.IsNullOrWhiteSpace(profil) ? "FR" : profil;
        FirmName = (await settings.GetAsync(ct)).Firm.Name;
        try
        {
            Figures = await reporting.FiguresAsync(Year, Profile, ct);
            Analysis = await analyses.LatestAsync(Year, Figures.Scope, ct);
        }
        catch (RegisterValidationException e)
        {
            Error = string.Join(" ", e.Errors.Select(x => x.Message));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public string Query => $"year={Year}&profile={Uri.EscapeDataString(Figures?.Scope ?? Profile ?? "")}";
}
