using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Notifications;

namespace Reclamations.Web.Accounts.Pages;

/// <summary>The signed-in user's own choice: receive the digest mail of new tasks in their groups, or not.</summary>
public sealed class NotificationsModel(UserManager<AppUser> users, TaskDigestOptions digest) : PageModel
{
    public bool ReceiveDigest { get; private set; }
    public string? Email { get; private set; }
    public bool Saved { get; private set; }
    public TaskDigestOptions Digest => digest;

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        if (await users.GetUserAsync(User) is not { } user) return Forbid();
        (ReceiveDigest, Email, Saved) = (!user.TaskDigestOptOut, user.Email, saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool receiveDigest)
    {
        if (await users.GetUserAsync(User) is not { } user) return Forbid();
        user.TaskDigestOptOut = !receiveDigest;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return RedirectToPage(new { saved = true });
    }
}
