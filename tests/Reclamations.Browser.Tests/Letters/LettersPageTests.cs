using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Letters;

/// <summary>Courriers: the oral demo complaint's invitation to write waits to be posted (no e-mail address); marking it
/// posted records the day it left, in the case file too.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LettersPageTests(BrowserApp app)
{
    [Fact]
    public async Task A_letter_to_print_is_marked_posted_and_leaves_the_list()
    {
        var page = await app.SignInAsync("officer@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Courriers" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Courriers", Level = 1 }).WaitForAsync();
        await page.ShouldBeAccessibleAsync("courriers");
        var row = page.Locator("table.data tbody tr").Filter(new() { HasText = "Invitation à nous écrire" });
        (await row.CountAsync()).Should().Be(1, "the oral demo complaint has no e-mail address: its letter goes by post");
        var reference = (await row.Locator("td").First.InnerTextAsync()).Trim();

        await row.GetByRole(AriaRole.Button, new() { Name = "Marquer posté" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("Courrier marqué posté le");
        (await page.Locator("table.data tbody tr").Filter(new() { HasText = "Invitation à nous écrire" }).CountAsync()).Should().Be(0);

        await page.GotoAsync($"/reclamations/{reference}");
        var letters = await page.Locator("section[aria-labelledby='letters-title']").InnerTextAsync();
        letters.Should().Contain("Invitation à nous écrire").And.Contain("envoyé le");
        (await page.Locator("ol.timeline").InnerTextAsync()).Should().Contain("Courrier posté : invitation-ecrit");
    }
}
