using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Reclamations.Web.Accounts.Pages;

/// <summary>Sign-in with e-mail and password; a cookie session. An account with two-factor sign-in goes on to the code
/// page (<see cref="SignInCodeModel"/>).</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, ILogger<SignInModel> logger) : PageModel
{
    public string? Error { get; private set; }
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = LocalOrHome(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        Email = email;
        ReturnUrl = LocalOrHome(returnUrl);
        var result = await signIn.PasswordSignInAsync(email ?? "", password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return RedirectToPage("SignInCode", new { returnUrl = ReturnUrl });
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        logger.LogWarning("Sign-in refused for {Email} (locked out: {LockedOut})", email, result.IsLockedOut);
        Error = result.IsLockedOut
            ? "Trop d'échecs de connexion : le compte est verrouillé pour quelques minutes."
            : "Adresse e-mail ou mot de passe incorrect.";
        return Page();
    }

    private string LocalOrHome(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
