using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting.RootCauses;
using Reclamations.Web.Accounts;

namespace Reclamations.Web.RootCauses.Pages;

/// <summary>The recurring causes (<c>/analyse-des-causes</c>, the complaints officer and Direction): count over the period,
/// trend against the previous period, actions; the complaints sharing a cause, a product or a person involved.</summary>
[Authorize(Policy = Policies.AnalysesRootCauses)]
public sealed class AnalysisModel(RootCauseAnalysis analysis, TimeProvider time) : PageModel
{
    public RootCauseReport? Report { get; private set; }
    public string? Error { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    public async Task OnGetAsync(DateOnly? du, DateOnly? au, CancellationToken ct)
    {
        try
        {
            (From, To) = RootCauseApi.Period(du, au, time);
            Report = await analysis.AnalyseAsync(From, To, ct);
        }
        catch (RegisterValidationException e)
        {
            Error = string.Join(" ", e.Errors.Select(x => x.Message));
        }
    }

    public static string Trend(int trend) => trend switch { > 0 => $"+{trend} (en hausse)", < 0 => $"{trend} (en baisse)", _ => "stable" };
}
