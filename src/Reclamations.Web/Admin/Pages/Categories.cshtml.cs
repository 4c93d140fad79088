using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Register;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Admin.Pages;

/// <summary>The complaint categories (Admin): label, CAA reporting type, order, activity; every edit recorded.</summary>
[Authorize(Policy = Policies.Administers)]
public sealed class CategoriesModel(CategoryCatalog catalog) : PageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Usage { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyList<CategoryChange> History { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? message, CancellationToken ct)
    {
        Message = message;
        Categories = await catalog.ListAsync(true, ct);
        Usage = await catalog.UsageAsync(ct);
        History = await catalog.HistoryAsync(ct);
    }

    public Task<IActionResult> OnPostCreateAsync(string? code, string? label, string? caaType, CancellationToken ct) =>
        RunAsync(() => catalog.CreateAsync(new CategoryInput(code, label, Empty(caaType), null, null), Actor(), ct), $"La catégorie « {code} » est ajoutée.");

    public Task<IActionResult> OnPostUpdateAsync(string code, string? label, string? caaType, int? sortOrder, CancellationToken ct) =>
        RunAsync(() => catalog.UpdateAsync(code, new CategoryInput(null, label ?? "", Empty(caaType) ?? "", sortOrder, null), Actor(), ct),
            $"La catégorie « {code} » est enregistrée.");

    public Task<IActionResult> OnPostDeactivateAsync(string code, CancellationToken ct) =>
        RunAsync(() => catalog.UpdateAsync(code, new CategoryInput(null, null, null, null, false), Actor(), ct), $"La catégorie « {code} » est désactivée.");

    public Task<IActionResult> OnPostActivateAsync(string code, CancellationToken ct) =>
        RunAsync(() => catalog.UpdateAsync(code, new CategoryInput(null, null, null, null, true), Actor(), ct), $"La catégorie « {code} » est réactivée.");

    public Task<IActionResult> OnPostDeleteAsync(string code, CancellationToken ct) =>
        RunAsync(async () => { await catalog.DeleteAsync(code, Actor(), ct); return null!; }, $"La catégorie « {code} » est supprimée.");

    private string Actor() => HttpContext.GetActor().Id;

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private async Task<IActionResult> RunAsync(Func<Task<Category>> action, string done)
    {
        try
        {
            await action();
        }
        catch (RegisterValidationException e)
        {
            return RedirectToPage(new { message = string.Join(" ", e.Errors.Select(x => x.Message)) });
        }
        catch (Exception e) when (e is CategoryInUseException or ComplaintNotFoundException)
        {
            return RedirectToPage(new { message = e.Message });
        }
        return RedirectToPage(new { message = done });
    }
}
