using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting.RootCauses;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.RootCauses.Pages;

/// <summary>The list of root causes (<c>/analyse-des-causes/causes</c>, the complaints officer and Admin): label, description,
/// procedures it may affect, order, activity, the corrective actions linked to each; every edit recorded.</summary>
[Authorize(Policy = Policies.ManagesRootCauses)]
public sealed class CausesModel(RootCauseCatalog catalog, IDbContextFactory<DomainDbContext> dbFactory) : PageModel
{
    public IReadOnlyList<RootCause> Causes { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<CorrectiveAction>> Linked { get; private set; } = new Dictionary<string, IReadOnlyList<CorrectiveAction>>();
    public IReadOnlyDictionary<string, List<(CorrectiveAction Action, string Reference)>> Candidates { get; private set; } =
        new Dictionary<string, List<(CorrectiveAction, string)>>();
    public IReadOnlyList<RootCauseChange> History { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? message, CancellationToken ct)
    {
        Message = message;
        Causes = await catalog.ListAsync(true, ct);
        Linked = await catalog.ActionsAsync(ct);
        History = await catalog.HistoryAsync(ct);
        Candidates = await CandidatesAsync(ct);
    }

    public Task<IActionResult> OnPostCreateAsync(string? code, string? label, string? description, string? affectedProcedures, CancellationToken ct) =>
        RunAsync(() => catalog.CreateAsync(new RootCauseInput(code, label, description, affectedProcedures, null, null), Actor(), ct),
            $"La cause « {label} » est ajoutée.");

    public Task<IActionResult> OnPostUpdateAsync(string code, string? label, string? description, string? affectedProcedures, int? sortOrder,
        CancellationToken ct) =>
        RunAsync(() => catalog.UpdateAsync(code, new RootCauseInput(null, label ?? "", description ?? "", affectedProcedures ?? "", sortOrder, null), Actor(), ct),
            $"La cause « {code} » est enregistrée.");

    public Task<IActionResult> OnPostActiveAsync(string code, bool active, CancellationToken ct) =>
        RunAsync(() => catalog.UpdateAsync(code, new RootCauseInput(null, null, null, null, null, active), Actor(), ct),
            active ? $"La cause « {code} » est réactivée." : $"La cause « {code} » est désactivée.");

    public Task<IActionResult> OnPostLinkAsync(string code, Guid? actionId, CancellationToken ct) =>
        RunAsync(async () =>
        {
            if (actionId is not { } id) throw new RegisterValidationException([new("actionId", "Choisissez l'action corrective à lier.")]);
            await catalog.LinkActionAsync(code, id, Actor(), ct);
        }, $"L'action corrective est liée à la cause « {code} ».");

    public Task<IActionResult> OnPostUnlinkAsync(string code, Guid actionId, CancellationToken ct) =>
        RunAsync(() => catalog.UnlinkActionAsync(code, actionId, Actor(), ct), $"L'action corrective est déliée de la cause « {code} ».");

    /// <summary>For each cause, the corrective actions of the complaints given that cause (those not linked yet).</summary>
    private async Task<Dictionary<string, List<(CorrectiveAction, string)>>> CandidatesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from a in db.CorrectiveActions.AsNoTracking()
                          join c in db.Complaints.AsNoTracking() on a.ComplaintId equals c.Id
                          where c.RootCauses.Count > 0
                          orderby a.CreatedAt descending
                          select new { Action = a, c.Reference, c.RootCauses }).Take(500).ToListAsync(ct);
        var result = new Dictionary<string, List<(CorrectiveAction, string)>>(StringComparer.Ordinal);
        foreach (var row in rows)
        foreach (var code in row.RootCauses)
        {
            if (Linked.GetValueOrDefault(code)?.Any(a => a.Id == row.Action.Id) == true) continue;
            if (!result.TryGetValue(code, out var list)) result[code] = list = [];
            list.Add((row.Action, row.Reference));
        }
        return result;
    }

    private string Actor() => HttpContext.GetActor().Id;

    private async Task<IActionResult> RunAsync(Func<Task> action, string done)
    {
        try
        {
            await action();
        }
        catch (RegisterValidationException e)
        {
            return RedirectToPage(new { message = string.Join(" ", e.Errors.Select(x => x.Message)) });
        }
        catch (ComplaintNotFoundException e)
        {
            return RedirectToPage(new { message = e.Message });
        }
        return RedirectToPage(new { message = done });
    }
}
