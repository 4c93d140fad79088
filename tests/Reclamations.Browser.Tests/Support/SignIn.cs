using Microsoft.Playwright;
using Reclamations.Web.Accounts;

namespace Reclamations.Browser.Tests.Support;

internal static class SignIn
{
    /// <summary>A new browser context signed in through the sign-in page as this demo user.</summary>
    public static async Task<IPage> SignInAsync(this BrowserApp app, string email)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connexion"));
        return page;
    }
}
