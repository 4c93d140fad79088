using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Register;
using Reclamations.Web.Accounts;

namespace Reclamations.Web.Register.Pages;

/// <summary>The registre des réclamations: filtered, sorted and paged on the server; exports of the same selection.</summary>
[Authorize(Policy = Policies.ReadsRegister)]
public sealed class IndexModel(ComplaintRegister register) : PageModel
{
    public RegisterQueryString Query { get; private set; } = null!;
    public RegisterPage Results { get; private set; } = new([], 0);
    public bool PersonalData { get; private set; }
    public int PageNumber => Query.Page ?? 1;
    public int PageCount => Math.Max(1, (Results.Total + RegisterQueryString.PageSize - 1) / RegisterQueryString.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = RegisterQueryString.From(Request.Query);
        PersonalData = RegisterRows.SeesPersonalData(User);
        Results = await register.PageAsync(Query.ToQuery(), ct);
    }
}
