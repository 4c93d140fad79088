using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting;
using Reclamations.Web.Accounts;

namespace Reclamations.Web.Dashboard.Pages;

/// <summary>The tableau de bord: the figures of <see cref="DashboardQuery"/> as tables (server-rendered, each cell linking to the
/// register filtered the same way) and as Chart.js charts drawn by dist/dashboard.js from <c>GET /api/reports/dashboard</c>.</summary>
[Authorize(Policy = Policies.ReadsReports)]
public sealed class IndexModel(DashboardQuery query, ComplaintRegister register, Reclamations.Domain.Profiles.DeadlineProfileStore profiles, UserDirectory users) : PageModel
{
    public DashboardFigures? Figures { get; private set; }
    public DashboardLinks? Links { get; private set; }
    public DashboardFilter Filter { get; private set; } = null!;
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<string> Profiles { get; private set; } = [];

    /// <summary>Whether the reader may open the register (Admin reads the figures only).</summary>
    public bool OpensRegister { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Filter, Errors) = DashboardRequest.Parse(Request.Query, query.Today);
        Categories = await register.CategoriesAsync(ct);
        Profiles = (await profiles.ListAsync(ct)).Select(p => p.Code).ToList();
        OpensRegister = Policies.ComplaintHandlers.Append(Roles.ProcessOwner).Any(User.IsInRole);
        if (Errors.Count > 0) return;
        try
        {
            Figures = await query.RunAsync(Filter, await DashboardApi.NamesAsync(users, ct), ct);
            Links = new DashboardLinks(Figures);
        }
        catch (RegisterValidationException invalid)
        {
            Errors = invalid.Errors;
        }
    }
}
