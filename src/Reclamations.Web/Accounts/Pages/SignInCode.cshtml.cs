using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Reclamations.Web.Accounts.Pages;

/// <summary>The second step of the sign-in: after a correct password, the authenticator's code (or a recovery code). It
/// is reachable before sign-in; Identity's two-factor cookie (5 minutes) says whose password was right. Each wrong code
/// counts as a failed sign-in towards the lock-out.</summary>
[AllowAnonymous]
public sealed class SignInCodeModel(SignInManager<AppUser> signIn, ILogger<SignInCodeModel> logger) : PageModel
{
    public string? Error { get; private set; }
    public bool Expired { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = LocalOrHome(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("SignIn", new { returnUrl = ReturnUrl });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, bool rememberDevice, string? returnUrl)
    {
        ReturnUrl = LocalOrHome(returnUrl);
        if (string.IsNullOrWhiteSpace(code))
        {
            Error = "Saisissez le code affiché par votre application d'authentification.";
            return Page();
        }
        return await AnswerAsync(await signIn.TwoFactorAuthenticatorSignInAsync(Authenticator.Normalize(code), isPersistent: false, rememberDevice),
            "Code incorrect : saisissez le code affiché en ce moment par votre application.");
    }

    public async Task<IActionResult> OnPostRecoveryAsync(string? recoveryCode, string? returnUrl)
    {
        ReturnUrl = LocalOrHome(returnUrl);
        if (string.IsNullOrWhiteSpace(recoveryCode))
        {
            Error = "Saisissez un de vos codes de récupération.";
            return Page();
        }
        return await AnswerAsync(await signIn.TwoFactorRecoveryCodeSignInAsync(Authenticator.NormalizeRecoveryCode(recoveryCode)),
            "Code de récupération incorrect ou déjà utilisé.");
    }

    private async Task<IActionResult> AnswerAsync(Microsoft.AspNetCore.Identity.SignInResult result, string wrongCode)
    {
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        logger.LogWarning("Two-factor sign-in refused for {UserId} (locked out: {LockedOut})", user?.Id, result.IsLockedOut);
        if (result.IsLockedOut)
            Error = "Trop d'échecs de connexion : le compte est verrouillé pour quelques minutes.";
        else if (user is null)
        {
            Expired = true;
            Error = "Le délai de saisie du code est dépassé : saisissez à nouveau votre adresse e-mail et votre mot de passe.";
        }
        else
            Error = wrongCode;
        return Page();
    }

    private string LocalOrHome(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
