using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Inbox;

/// <summary>A user turns the digest of new group tasks off and on again from the inbox's link; the page passes axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationSettingsTests(BrowserApp app)
{
    [Fact]
    public async Task The_digest_can_be_turned_off_and_on_again()
    {
        var page = await app.SignInAsync("reviewer@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "notifications par courriel" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Notifications par courriel", Level = 1 }).WaitForAsync();
        var digest = page.GetByLabel("Recevoir le récapitulatif des nouvelles tâches proposées à mes groupes");
        (await digest.IsCheckedAsync()).Should().BeTrue("the digest is on by default");
        await page.ShouldBeAccessibleAsync("compte-notifications");

        await digest.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Votre choix est enregistré." }).WaitForAsync();
        (await digest.IsCheckedAsync()).Should().BeFalse();

        await digest.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Votre choix est enregistré." }).WaitForAsync();
        (await digest.IsCheckedAsync()).Should().BeTrue();
    }
}
