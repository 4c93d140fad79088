using Microsoft.Playwright;
using Reclamations.Testing.Accounts;
using Reclamations.Web.Accounts;

namespace Reclamations.Browser.Tests.Support;

internal static class SignIn
{
    /// <summary>A new browser context signed in through the sign-in page as this demo user (or a user with this password).
    /// An account with two-factor sign-in gets the code page: the code is computed from <paramref name="authenticatorKey"/>,
    /// for the demo administrator from its documented key.</summary>
    public static async Task<IPage> SignInAsync(this BrowserApp app, string email, string? password = null, string? authenticatorKey = null)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.SignInOnPageAsync(email, password ?? DemoUsers.Password,
            authenticatorKey ?? (email == "admin@demo.local" ? DemoUsers.AdminAuthenticatorKey : null));
        return page;
    }

    /// <summary>Fills the sign-in page the browser shows, then the code page if the account asks for a code.</summary>
    public static async Task SignInOnPageAsync(this IPage page, string email, string password, string? authenticatorKey)
    {
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        // The next page's document is enough (DOMContentLoaded): its images and bundles may still load on a busy machine.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/connexion",
            new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        if (new Uri(page.Url).AbsolutePath != Authenticator.CodePagePath) return;
        if (authenticatorKey is null) throw new InvalidOperationException($"{email} signs in with a code: give its authenticator key.");
        await page.GetByLabel("Code de l'application d'authentification").FillAsync(AuthenticatorCodes.Current(authenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connexion"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
    }
}
