using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Complaints;

/// <summary>Intake in the browser: French errors beside the fields, live deadlines, registration with an attachment,
/// the case file that follows, and the warning for a likely duplicate.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IntakePageTests(BrowserApp app)
{
    [Fact]
    public async Task Staff_registers_a_complaint_with_an_attachment_and_a_second_one_is_flagged_as_a_likely_duplicate()
    {
        var page = await app.SignInAsync("staff@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle réclamation" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Nouvelle réclamation" }).WaitForAsync();
        (await page.Locator("#deadlines").InnerTextAsync()).Should().Contain("accusé de réception avant le");
        await page.ShouldBeAccessibleAsync("nouvelle-reclamation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réclamation" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).First.InnerTextAsync()).Should().Contain("corrigez les champs signalés");
        (await page.Locator(".field.invalid").CountAsync()).Should().BeGreaterThanOrEqualTo(2, "name and subject are required");

        await FillAsync(page);
        await page.Locator("#files").SetInputFilesAsync(new FilePayload
        {
            Name = "courrier-client.txt", MimeType = "text/plain", Buffer = "Madame, Monsieur, je conteste..."u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réclamation" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/reclamations/REC-"));
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("enregistrée");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("Frais de gestion prélevés deux fois").And.Contain("courrier-client.txt");
        var reference = new Uri(page.Url).AbsolutePath.Split('/').Last();

        await page.GotoAsync("/reclamations/nouvelle");
        await FillAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réclamation" }).ClickAsync();
        var warning = await page.GetByRole(AriaRole.Alert).First.InnerTextAsync();
        warning.Should().Contain("Doublon probable").And.Contain(reference);
        await page.GetByLabel("Enregistrer quand même").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réclamation" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/reclamations/REC-") && !url.Contains(reference));
    }

    private static async Task FillAsync(IPage page)
    {
        await page.Locator("#name").FillAsync("M. Paul Lefort");
        await page.Locator("#email").FillAsync("paul.lefort@example.com");
        await page.GetByLabel("Objet (obligatoire)").FillAsync("Frais de gestion prélevés deux fois");
        await page.GetByLabel("Catégorie").SelectOptionAsync("contractOperations");
        await page.GetByLabel("Contrat concerné").FillAsync("CT-2026-0042");
    }
}
