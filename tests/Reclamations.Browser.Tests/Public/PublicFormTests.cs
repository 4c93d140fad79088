using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Public;

/// <summary>The public complaint form, without signing in: the complaint is registered as received through the web form,
/// and its dated copy reaches the complainant through the SMTP server; the procedure page is public too.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicFormTests(BrowserApp app)
{
    [Fact]
    public async Task A_client_files_a_complaint_and_receives_its_dated_copy()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/reclamation");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Déposer une réclamation" }).WaitForAsync();
        await page.ShouldBeAccessibleAsync("formulaire-public");

        await page.Locator("#name").FillAsync("Mme Inès Garnier");
        await page.Locator("#email").FillAsync("ines.garnier@example.com");
        await page.Locator("#category").SelectOptionAsync("adviceQuality");
        await page.Locator("#subject").FillAsync("Conseil inadapté sur mon contrat d'assurance vie");
        await page.Locator("#description").FillAsync("On m'a conseillé un support risqué alors que j'avais demandé un placement prudent.");
        // A person takes more than the form's minimum fill time; a bot posting at once is refused.
        await page.WaitForTimeoutAsync(3_200);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réclamation" }).ClickAsync();

        var status = await page.GetByRole(AriaRole.Status).InnerTextAsync();
        status.Should().Contain("enregistrée sous la référence REC-").And.Contain("copie datée");
        var reference = System.Text.RegularExpressions.Regex.Match(status, @"REC-\d{4}-\d{5}").Value;
        var copy = await app.Smtp.WaitForMailToAsync("ines.garnier@example.com", TimeSpan.FromSeconds(30));
        copy.Message.Subject.Should().Contain(reference).And.Contain("Copie de votre réclamation");
        copy.Message.TextBody.Should().Contain("placement prudent").And.Contain("formulaire en ligne");

        var officer = await app.SignInAsync("officer@demo.local");
        await officer.GotoAsync($"/reclamations/{reference}");
        (await officer.Locator("main").InnerTextAsync()).Should().Contain("Formulaire web").And.Contain("Mme Inès Garnier");
    }

    [Fact]
    public async Task The_procedure_is_public_and_names_the_deadlines_and_the_mediator()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/procedure-reclamation");
        var text = await page.Locator("main").InnerTextAsync();
        text.Should().Contain("10 jours ouvrables").And.Contain("deux mois").And.Contain("Médiation de l'Assurance");
        await page.ShouldBeAccessibleAsync("procedure");
    }
}
