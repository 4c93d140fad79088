using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Admin;

/// <summary>The administrator creates a user with a role; that user signs in with the one-time password; once
/// deactivated, they cannot sign in any more. Other roles do not reach the page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UsersPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_administrator_creates_then_deactivates_a_user()
    {
        var admin = await app.SignInAsync("admin@demo.local");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Utilisateurs" }).ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Utilisateurs", Level = 1 }).WaitForAsync();
        await admin.ShouldBeAccessibleAsync("utilisateurs");

        await admin.GetByLabel("Nom et prénom").FillAsync("Lucie Fontaine");
        await admin.GetByLabel("E-mail").FillAsync("lucie.fontaine@demo.local");
        await admin.GetByLabel("Fonction").FillAsync("Gestionnaire");
        await admin.Locator("form.intake").GetByLabel("Collaborateur").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Créer l'utilisateur" }).ClickAsync();
        var created = await admin.GetByRole(AriaRole.Status).InnerTextAsync();
        var password = Regex.Match(created, @"une seule fois\) : (\S+)").Groups[1].Value;
        password.Should().StartWith("Tmp-");

        var lucie = await app.NewPageAsync();
        await lucie.GotoAsync("/connexion");
        await lucie.GetByLabel("Adresse e-mail").FillAsync("lucie.fontaine@demo.local");
        await lucie.GetByLabel("Mot de passe").FillAsync(password);
        await lucie.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await lucie.GetByRole(AriaRole.Heading, new() { Name = "Corbeille" }).WaitForAsync();
        (await lucie.Locator("header").InnerTextAsync()).Should().Contain("Lucie Fontaine");

        var row = admin.Locator("table.data tbody tr").Filter(new() { HasText = "lucie.fontaine@demo.local" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Désactiver" }).ClickAsync();
        (await admin.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("désactivé");

        var again = await app.NewPageAsync();
        await again.GotoAsync("/connexion");
        await again.GetByLabel("Adresse e-mail").FillAsync("lucie.fontaine@demo.local");
        await again.GetByLabel("Mot de passe").FillAsync(password);
        await again.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        (await again.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("incorrect");
    }

    [Fact]
    public async Task Staff_does_not_reach_the_users_page()
    {
        var page = await app.SignInAsync("staff@demo.local");
        await page.GotoAsync("/admin/utilisateurs");
        page.Url.Should().Contain("/acces-refuse");
    }
}
