using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Inbox;

/// <summary>Staff registers a complaint with an e-mail address, qualifies it and acknowledges it from the inbox: the
/// acknowledgement letter reaches the complainant through the SMTP server, and the case file shows it sent.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AcknowledgementTests(BrowserApp app)
{
    [Fact]
    public async Task The_acknowledgement_done_in_the_inbox_reaches_the_complainant()
    {
        var page = await app.SignInAsync("staff@demo.local");
        await page.GotoAsync("/reclamations/nouvelle");
        await page.Locator("#name").FillAsync("M. Hugo Marchand");
        await page.Locator("#email").FillAsync("hugo.marchand@example.com");
        await page.GetByLabel("Objet (obligatoire)").FillAsync("Résiliation non prise en compte");
        await page.GetByLabel("Catégorie").SelectOptionAsync("contractOperations");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réclamation" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/reclamations/REC-"));
        var reference = new Uri(page.Url).AbsolutePath.Split('/').Last();

        await CompleteFromInboxAsync(page, reference, "Qualifier la demande", async () =>
            await page.GetByLabel("Qualification").SelectOptionAsync("complaint"));
        await CompleteFromInboxAsync(page, reference, "Accuser réception", () => Task.CompletedTask);

        var mail = await app.Smtp.WaitForMailToAsync("hugo.marchand@example.com", TimeSpan.FromSeconds(30));
        mail.Message.Subject.Should().Contain(reference).And.Contain("Accusé de réception");
        mail.Message.TextBody.Should().Contain("Nous accusons réception de votre réclamation");
        // The register records the acknowledgement once the outbox has recorded the SMTP server's acceptance (just after the
        // server received it): the case file is read again until the outbox's pass has committed.
        var aside = "";
        for (var attempt = 0; attempt < 50 && !aside.Contains("fait le", StringComparison.Ordinal); attempt++)
        {
            if (attempt > 0) await Task.Delay(200);
            await page.GotoAsync($"/reclamations/{reference}");
            aside = await page.Locator("aside").InnerTextAsync();
        }
        aside.Should().Contain("Accusé de réception").And.Contain("fait le");
    }

    private static async Task CompleteFromInboxAsync(IPage page, string reference, string task, Func<Task> fill)
    {
        await page.GotoAsync("/");
        var row = page.Locator("table.data tbody tr").Filter(new() { HasText = reference }).Filter(new() { HasText = task });
        await row.GetByRole(AriaRole.Link, new() { Name = task }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = task, Level = 1 }).WaitForAsync();
        await fill();
        await page.GetByRole(AriaRole.Button, new() { Name = "Terminer la tâche" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }
}
