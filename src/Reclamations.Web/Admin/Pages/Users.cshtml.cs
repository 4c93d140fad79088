using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Admin.Pages;

/// <summary>Users and roles (Admin): create, change roles, deactivate / reactivate, reset a password (a one-time password
/// shown once to the administrator), reset two-factor sign-in (the user enrols again; an administrator must). Every change
/// is logged with the administrator's id.</summary>
[Authorize(Policy = Policies.Administers)]
public sealed class UsersModel(UserManager<AppUser> users, ILogger<UsersModel> logger) : PageModel
{
    public sealed record Row(string Id, string DisplayName, string? JobTitle, string Email, IReadOnlyList<string> Roles, bool IsActive,
        bool TwoFactor);

    public IReadOnlyList<Row> Users { get; private set; } = [];
    public string? Message { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(string? message)
    {
        Message = message;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? displayName, string? email, string? jobTitle, string[] roles)
    {
        if (string.IsNullOrWhiteSpace(displayName)) Errors.Add("Le nom est obligatoire.");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@')) Errors.Add("L'adresse e-mail est obligatoire.");
        if (Errors.Count == 0)
        {
            var user = new AppUser { UserName = email!.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = displayName!.Trim(), JobTitle = jobTitle };
            var password = OneTimePassword();
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded) result = await users.AddToRolesAsync(user, roles.Where(Accounts.Roles.All.Contains));
            if (result.Succeeded)
            {
                Audit("created", user);
                return Done($"Utilisateur {user.Email} créé. Mot de passe provisoire (à transmettre, affiché une seule fois) : {password}");
            }
            Errors.AddRange(result.Errors.Select(e => e.Description));
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string id, string[] roles)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        var wanted = roles.Where(Accounts.Roles.All.Contains).ToHashSet(StringComparer.Ordinal);
        if (user.Id == HttpContext.GetActor().Id && !wanted.Contains(Accounts.Roles.Admin))
            return Done("Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Where(r => !wanted.Contains(r)));
        await users.AddToRolesAsync(user, wanted.Where(r => !current.Contains(r)));
        await users.UpdateSecurityStampAsync(user);
        Audit("roles changed to " + string.Join(",", wanted), user);
        return Done($"Rôles de {user.DisplayName} enregistrés.");
    }

    public Task<IActionResult> OnPostDeactivateAsync(string id) => SetActiveAsync(id, false);

    public Task<IActionResult> OnPostActivateAsync(string id) => SetActiveAsync(id, true);

    public async Task<IActionResult> OnPostResetPasswordAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        var password = OneTimePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) return Done(string.Join(" ", result.Errors.Select(e => e.Description)));
        Audit("password reset", user);
        return Done($"Nouveau mot de passe provisoire de {user.Email} (affiché une seule fois) : {password}");
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        if (user.Id == HttpContext.GetActor().Id)
            return Done("Votre propre double authentification se gère sur la page Sécurité du compte.");
        var result = await Authenticator.ResetAsync(users, user);
        if (!result.Succeeded) return Done(string.Join(" ", result.Errors.Select(e => e.Description)));
        Audit("two-factor sign-in reset", user);
        return Done($"Double authentification de {user.DisplayName} réinitialisée : elle sera à configurer de nouveau.");
    }

    private async Task<IActionResult> SetActiveAsync(string id, bool active)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        if (user.Id == HttpContext.GetActor().Id) return Done("Vous ne pouvez pas désactiver votre propre compte.");
        user.IsActive = active;
        await users.UpdateAsync(user);
        // A new security stamp ends the user's sessions and refresh tokens.
        await users.UpdateSecurityStampAsync(user);
        Audit(active ? "reactivated" : "deactivated", user);
        return Done($"{user.DisplayName} est {(active ? "réactivé" : "désactivé")}.");
    }

    private IActionResult Done(string message) => RedirectToPage(new { message });

    private void Audit(string what, AppUser user) =>
        logger.LogInformation("Administrator {Admin}: user {UserId} ({Email}) {What}", HttpContext.GetActor().Id, user.Id, user.Email, what);

    private static string OneTimePassword() =>
        "Tmp-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y') + "9!";

    private async Task LoadAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync();
        var rows = new List<Row>();
        foreach (var u in all)
            rows.Add(new Row(u.Id, u.DisplayName, u.JobTitle, u.Email ?? "", [.. await users.GetRolesAsync(u)], u.IsActive, u.TwoFactorEnabled));
        Users = rows;
    }
}
