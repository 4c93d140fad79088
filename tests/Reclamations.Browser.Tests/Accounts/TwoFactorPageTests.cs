using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;
using Reclamations.Testing.Accounts;
using Reclamations.Web.Accounts;

namespace Reclamations.Browser.Tests.Accounts;

/// <summary>A user turns two-factor sign-in on from the security page (the code computed from the key the page shows, as
/// an authenticator app would), keeps the recovery codes shown once, then signs in again with a code.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorPageTests(BrowserApp app)
{
    private const string Email = "yasmine.roux@demo.local";

    [Fact]
    public async Task A_user_enrols_an_authenticator_then_signs_in_with_its_code()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Yasmine Roux", JobTitle = "Gestionnaire" };
            (await users.CreateAsync(user, DemoUsers.Password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, Roles.Staff)).Succeeded.Should().BeTrue();
        }
        var page = await app.SignInAsync(Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sécurité du compte" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sécurité du compte", Level = 1 }).WaitForAsync();
        await page.ShouldBeAccessibleAsync("securite-compte");
        (await page.GetByRole(AriaRole.Img, new() { Name = "QR code de la clé d'authentification de votre compte" }).IsVisibleAsync()).Should().BeTrue();
        var key = await page.Locator("#shared-key").InnerTextAsync();

        await page.GetByLabel("Code de vérification").FillAsync(AuthenticatorCodes.Wrong(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer la double authentification" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("Code incorrect");
        await page.GetByLabel("Code de vérification").FillAsync(AuthenticatorCodes.Current(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer la double authentification" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("La double authentification est activée");
        (await page.GetByRole(AriaRole.List, new() { Name = "Codes de récupération" }).Locator("li").CountAsync())
            .Should().Be(Authenticator.RecoveryCodeCount);
        await page.ShouldBeAccessibleAsync("codes-recuperation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/connexion"));
        await page.GetByLabel("Adresse e-mail").FillAsync(Email);
        await page.GetByLabel("Mot de passe").FillAsync(DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Code de connexion" }).WaitForAsync();
        await page.ShouldBeAccessibleAsync("connexion-code");
        await page.GetByLabel("Code de l'application d'authentification").FillAsync(AuthenticatorCodes.Current(key));
        await page.GetByLabel("Se souvenir de cet appareil").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Corbeille" }).WaitForAsync();
        (await page.Locator("header").InnerTextAsync()).Should().Contain("Yasmine Roux");
    }
}
