using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Inbox;

/// <summary>On an answer task the letter is previewed as it will be sent: what is still missing is said in French, the text
/// typed in the form appears in the letter (htmx, after a short pause in typing), an edit replaces it; the page passes axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LetterPreviewTests(BrowserApp app)
{
    [Fact]
    public async Task The_answer_letter_preview_follows_the_text_typed()
    {
        var page = await app.SignInAsync("staff@demo.local");
        await page.GotoAsync("/reclamations/nouvelle");
        await page.Locator("#name").FillAsync("Mme Inès Garnier");
        await page.Locator("#email").FillAsync("ines.garnier@example.com");
        await page.GetByLabel("Objet (obligatoire)").FillAsync("Frais de dossier prélevés deux fois");
        await page.GetByLabel("Catégorie").SelectOptionAsync("contractOperations");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réclamation" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/reclamations/REC-"));
        var reference = new Uri(page.Url).AbsolutePath.Split('/').Last();
        await CompleteFromInboxAsync(page, reference, "Qualifier la demande", () => page.GetByLabel("Qualification").SelectOptionAsync("complaint"));
        await CompleteFromInboxAsync(page, reference, "Accuser réception", () => page.GetByLabel("Suite donnée").SelectOptionAsync("immediateAnswer"));

        await OpenFromInboxAsync(page, reference, "Rédiger la réponse immédiate");
        var preview = page.Locator("#letter-preview");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Aperçu du courrier" }).WaitForAsync();
        (await preview.InnerTextAsync()).Should().Contain("il manque la valeur « answer_text »");

        var answer = page.GetByLabel("Réponse apportée au client");
        await answer.FillAsync("Les frais prélevés en double vous seront remboursés.");
        await preview.Locator("[data-letter-body]", new() { HasText = "Les frais prélevés en double vous seront remboursés." }).WaitForAsync();
        (await preview.InnerTextAsync()).Should().Contain(reference).And.Contain("Mme Inès Garnier");
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Aperçu mis à jour." }).WaitForAsync();
        await page.ShouldBeAccessibleAsync("tache-apercu-courrier");

        await answer.FillAsync("Après vérification, le second prélèvement vous sera remboursé sous huit jours.");
        await preview.Locator("[data-letter-body]", new() { HasText = "sous huit jours" }).WaitForAsync();
        (await preview.InnerTextAsync()).Should().NotContain("prélevés en double");
    }

    private static async Task OpenFromInboxAsync(IPage page, string reference, string task)
    {
        await page.GotoAsync("/");
        var row = page.Locator("table.data tbody tr").Filter(new() { HasText = reference }).Filter(new() { HasText = task });
        await row.GetByRole(AriaRole.Link, new() { Name = task }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = task, Level = 1 }).WaitForAsync();
    }

    private static async Task CompleteFromInboxAsync(IPage page, string reference, string task, Func<Task> fill)
    {
        await OpenFromInboxAsync(page, reference, task);
        await fill();
        await page.GetByRole(AriaRole.Button, new() { Name = "Terminer la tâche" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }
}
