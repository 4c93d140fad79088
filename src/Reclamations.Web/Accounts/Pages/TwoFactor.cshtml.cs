using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Reclamations.Web.Accounts.Pages;

/// <summary>"Sécurité du compte": every signed-in user turns on two-factor sign-in (the shared key, its URI and QR code;
/// a first code must be right), sees their recovery codes once, makes new ones, forgets remembered devices, turns it off
/// (refused for the Admin role, which requires it). An administrator without it is sent here by
/// <see cref="TwoFactorRequirement"/>.</summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IConfiguration configuration,
    ILogger<TwoFactorModel> logger) : PageModel
{
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string? SharedKey { get; private set; }
    public string? KeyUri { get; private set; }
    public string? QrCode { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool DeviceRemembered { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? message)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Message = message;
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return Done("La double authentification est déjà activée.");
        var valid = !string.IsNullOrWhiteSpace(code) && await users.VerifyTwoFactorTokenAsync(user,
            users.Options.Tokens.AuthenticatorTokenProvider, Authenticator.Normalize(code));
        if (!valid)
        {
            Error = string.IsNullOrWhiteSpace(code)
                ? "Saisissez le code à 6 chiffres affiché par l'application pour vérifier la configuration."
                : "Code incorrect : vérifiez la clé saisie dans l'application et saisissez le code affiché en ce moment.";
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Authenticator.RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned two-factor sign-in on", user.Id);
        Message = "La double authentification est activée. Notez vos codes de récupération : ils ne seront plus affichés.";
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled) return Done("Activez d'abord la double authentification.");
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Authenticator.RecoveryCodeCount) ?? []];
        logger.LogInformation("User {UserId} made new recovery codes", user.Id);
        Message = "Nouveaux codes de récupération : les anciens ne fonctionnent plus. Notez-les, ils ne seront plus affichés.";
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostForgetDeviceAsync()
    {
        await signIn.ForgetTwoFactorClientAsync();
        return Done("Cet appareil demandera de nouveau le code à la prochaine connexion.");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await users.IsInRoleAsync(user, Roles.Admin))
            return Done("La double authentification est obligatoire pour les administrateurs : elle ne peut pas être désactivée.");
        if (!user.TwoFactorEnabled) return Done("La double authentification n'est pas activée.");
        await Authenticator.ResetAsync(users, user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned two-factor sign-in off", user.Id);
        return Done("La double authentification est désactivée.");
    }

    private IActionResult Done(string message) => RedirectToPage(new { message });

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = await users.IsInRoleAsync(user, Roles.Admin);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            DeviceRemembered = await signIn.IsTwoFactorClientRememberedAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // The new key changed the security stamp: this session is renewed so that it stays valid.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = Authenticator.FormatKey(key);
        KeyUri = Authenticator.KeyUri(configuration["Accounts:AuthenticatorIssuer"] ?? Authenticator.DefaultIssuer,
            user.Email ?? user.UserName ?? user.Id, key);
        QrCode = Authenticator.QrCodeDataUri(KeyUri);
    }
}
