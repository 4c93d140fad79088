using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Studio;

/// <summary>The process owner edits a letter in the studio's editor (CodeMirror): an unknown variable is refused with its name
/// shown; a valid edit is saved as a new version, listed with its comment, and the preview shows it.</summary>
[Collection(StudioCollection.Name)]
public sealed class LetterTemplatesPageTests(StudioApp app)
{
    private const string Anchor = "<p>{{ complainant.salutation }},</p>";

    [Fact]
    public async Task An_unknown_variable_is_refused_by_name_and_a_valid_edit_becomes_the_next_version_shown_in_the_preview()
    {
        var page = await app.SignInAsync("owner@demo.local");
        await page.GotoAsync("/studio/courriers");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Modèles de courriers", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "accuse-reception", Exact = true }).ClickAsync();
        await page.Locator(".cm-content").WaitForAsync();
        var source = await page.Locator("#template-body").InputValueAsync();
        source.Should().Contain(Anchor);

        // An unknown variable: named by the live check, then refused on save.
        await ReplaceTextAsync(page, source.Replace(Anchor, Anchor + "\n  <p>Prime : {{ complaint.prime_fidelite }}</p>", StringComparison.Ordinal));
        await Expect(page.Locator("#template-problems")).ToContainTextAsync("« complaint.prime_fidelite »");
        await page.GetByLabel("Commentaire de la version (obligatoire)").FillAsync("Ajout de la prime");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer une nouvelle version" }).ClickAsync();
        await Expect(page.Locator("#template-problems")).ToContainTextAsync("Le modèle est refusé");
        (await page.Locator("#template-problems").InnerTextAsync()).Should().Contain("Variable inconnue « complaint.prime_fidelite » ligne 21");
        (await page.Locator("#template-version").InnerTextAsync()).Should().StartWith("0");

        // A valid edit: previewed live, saved as version 1 with its comment, and shown by the preview of the version in force.
        const string sentence = "Nous restons à votre écoute pendant toute l'instruction.";
        await ReplaceTextAsync(page, source.Replace(Anchor, Anchor + $"\n  <p>{sentence}</p>", StringComparison.Ordinal));
        await Expect(page.Locator("#template-preview")).ToContainTextAsync(sentence);
        await Expect(page.Locator("#template-problems")).ToBeEmptyAsync();
        await page.GetByLabel("Commentaire de la version (obligatoire)").FillAsync("Phrase d'accompagnement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer une nouvelle version" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Version 1 enregistrée." })).ToBeVisibleAsync();
        (await page.Locator("#template-version").InnerTextAsync()).Should().Be("1");
        await Expect(page.Locator("#template-preview")).ToContainTextAsync(sentence);
        var latest = page.Locator("#template-versions tbody tr").First;
        (await latest.InnerTextAsync()).Should().Contain("Phrase d'accompagnement");

        await page.GetByLabel("Comparer la version").SelectOptionAsync("0");
        await page.GetByLabel("à la version").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Comparer" }).ClickAsync();
        await Expect(page.Locator("#template-diff tr.diff-added")).ToContainTextAsync(sentence);
        await page.ShouldBeAccessibleAsync("studio-templates");

        await page.GotoAsync("/studio/courriers");
        (await page.Locator("#letters tr").Filter(new() { HasText = "accuse-reception" }).InnerTextAsync()).Should().Contain("Phrase d'accompagnement");
    }

    /// <summary>Replaces the whole text of the CodeMirror editor, as a user selecting all and pasting.</summary>
    private static async Task ReplaceTextAsync(IPage page, string text)
    {
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.InsertTextAsync(text);
    }

    /// <summary>Playwright's waiting assertions, with room for a loaded machine (the preview is rendered by the server).</summary>
    private static ILocatorAssertions Expect(ILocator locator)
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        return Assertions.Expect(locator);
    }
}
