using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Inbox;

/// <summary>Staff signs in, finds the demo complaints' tasks in the inbox, opens one, is told in French what is missing,
/// completes it and is back in the inbox; every page passes axe-core.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxAndTaskTests(BrowserApp app)
{
    [Fact]
    public async Task A_wrong_password_is_refused_in_french_and_the_page_is_accessible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        page.Url.Should().Contain("/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync("staff@demo.local");
        await page.GetByLabel("Mot de passe").FillAsync("pas-le-bon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Be("Adresse e-mail ou mot de passe incorrect.");
        await page.ShouldBeAccessibleAsync("connexion");
    }

    [Fact]
    public async Task Staff_qualifies_a_demo_complaint_from_the_inbox()
    {
        var page = await app.SignInAsync("staff@demo.local");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Corbeille" }).WaitForAsync();
        var rows = page.Locator("table.data tbody tr").Filter(new() { HasText = "Qualifier la demande" });
        var before = await rows.CountAsync();
        before.Should().BeGreaterThan(0, "the demo complaints wait for their qualification by Staff");
        await page.ShouldBeAccessibleAsync("corbeille");

        await rows.First.GetByRole(AriaRole.Link, new() { Name = "Qualifier la demande" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Qualifier la demande", Level = 1 }).WaitForAsync();
        (await page.Locator("aside").InnerTextAsync()).Should().Contain("Réponse avant le");
        await page.ShouldBeAccessibleAsync("tache");

        await page.GetByRole(AriaRole.Button, new() { Name = "Terminer la tâche" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("corrigez les champs signalés");
        (await page.Locator(".field-error").First.InnerTextAsync()).Should().Contain("Qualification").And.Contain("obligatoire");
        await page.ShouldBeAccessibleAsync("tache-erreurs");

        await page.GetByLabel("Qualification").SelectOptionAsync("complaint");
        await page.GetByRole(AriaRole.Button, new() { Name = "Terminer la tâche" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        (await page.Locator("table.data tbody tr").Filter(new() { HasText = "Qualifier la demande" }).CountAsync()).Should().Be(before - 1);
    }
}
