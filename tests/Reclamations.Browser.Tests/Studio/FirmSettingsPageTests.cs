using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Studio;

/// <summary>The process owner corrects the firm's complaints mailbox on the studio's settings page: a bad address is refused in
/// French beside the field, a good one is saved and listed with who changed it.</summary>
[Collection(StudioCollection.Name)]
public sealed class FirmSettingsPageTests(StudioApp app)
{
    [Fact]
    public async Task A_bad_mailbox_is_refused_beside_the_field_and_a_good_one_is_saved()
    {
        var page = await app.SignInAsync("owner@demo.local");
        await page.GotoAsync("/studio/parametres/cabinet");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Cabinet et organismes de recours", Level = 1 }).WaitForAsync();
        await page.ShouldBeAccessibleAsync("studio-parametres-cabinet");
        var mailbox = page.GetByLabel("Courriel des réclamations");

        await mailbox.FillAsync("reclamations-at-cabinet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'identité du cabinet" }).ClickAsync();
        await page.Locator("#complaintsContactEmail-error").WaitForAsync();
        (await page.Locator("#complaintsContactEmail-error").InnerTextAsync()).Should().Be("L'adresse de courriel n'est pas valide.");
        (await mailbox.GetAttributeAsync("aria-invalid")).Should().Be("true");

        await mailbox.FillAsync("reclamations@cabinet-studio.fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'identité du cabinet" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Identité du cabinet enregistrée." }).WaitForAsync();
        (await mailbox.InputValueAsync()).Should().Be("reclamations@cabinet-studio.fr");
        (await page.Locator("#settings-history tbody tr").First.InnerTextAsync()).Should().Contain("Identité du cabinet").And.Contain("Paul Moreau");
    }
}
