using Microsoft.AspNetCore.Mvc;
using Reclamations.Domain.Letters;
using Reclamations.Web.Accounts;

namespace Reclamations.Web.Shared;

/// <summary>The banner every page shows an Admin while the firm's identity is incomplete or still a placeholder: it names each
/// missing setting (outside Development no letter leaves until it is fixed).</summary>
public sealed class FirmIdentityBannerViewComponent(LetterSettingsStore store, LetterReleaseOptions release) : ViewComponent
{
    public sealed record Model(IReadOnlyList<string> Problems, bool LettersBlocked);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!UserClaimsPrincipal.IsInRole(Roles.Admin)) return Content(string.Empty);
        var problems = FirmIdentityCheck.Problems((await store.GetAsync(HttpContext.RequestAborted)).Firm);
        return problems.Count == 0 ? Content(string.Empty) : View(new Model(problems, release.RequireCompleteIdentity));
    }
}
