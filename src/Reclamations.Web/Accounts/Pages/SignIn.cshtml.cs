using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Reclamations.Web.Accounts.Pages;

/// <summary>Sign-in with e-mail and password (and the authenticator code when two-factor sign-in is on); a cookie session.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    public string? Error { get; private set; }
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";
    public bool AskTwoFactorCode { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = LocalOrHome(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? code, string? returnUrl)
    {
        Email = email;
        ReturnUrl = LocalOrHome(returnUrl);
        var result = await signIn.PasswordSignInAsync(email ?? "", password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                AskTwoFactorCode = true;
                Error = "Saisissez le code affiché par votre application d'authentification.";
                return Page();
            }
            result = await signIn.TwoFactorAuthenticatorSignInAsync(code.Replace(" ", ""), isPersistent: false, rememberClient: false);
        }
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        logger.LogWarning("Sign-in refused for {Email} (locked out: {LockedOut})", email, result.IsLockedOut);
        Error = result.IsLockedOut
            ? "Trop d'échecs de connexion : le compte est verrouillé pour quelques minutes."
            : "Adresse e-mail ou mot de passe incorrect.";
        return Page();
    }

    private string LocalOrHome(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
