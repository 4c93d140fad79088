using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Complaints;

/// <summary>The case file in the browser: summary, deadlines with days left, the BPMN diagram drawn by bpmn-js with the
/// active step marked, the timeline; accessible.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseFilePageTests(BrowserApp app)
{
    [Fact]
    public async Task The_officer_opens_a_case_file_from_the_register_and_sees_where_the_process_stands()
    {
        var page = await app.SignInAsync("officer@demo.local");
        await page.GotoAsync("/registre");
        await page.GetByRole(AriaRole.Link, new() { Name = "REC-2026-00002" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dossier REC-2026-00002" }).WaitForAsync();

        (await page.Locator("aside").InnerTextAsync()).Should().Contain("Accusé de réception").And.MatchRegex(@"\d+ jour\(s\) restant\(s\)");
        var diagram = page.Locator("[data-bpmn-diagram]");
        await page.WaitForSelectorAsync("[data-bpmn-diagram][data-ready='true']");
        (await diagram.Locator(".djs-element.active").CountAsync()).Should().BeGreaterThan(0, "the waiting step is highlighted");
        (await page.Locator("ol.timeline").InnerTextAsync()).Should().Contain("Enregistrement");
        await page.ShouldBeAccessibleAsync("dossier");
    }

    [Fact]
    public async Task A_register_correction_needs_a_reason_and_is_traced_in_the_timeline()
    {
        var page = await app.SignInAsync("officer@demo.local");
        await page.GotoAsync("/reclamations/REC-2026-00001");
        await page.GetByLabel("Champ").SelectOptionAsync("contractReference");
        await page.GetByLabel("Nouvelle valeur").FillAsync("MRH-2026-7781");
        await page.GetByRole(AriaRole.Button, new() { Name = "Corriger" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("doit être motivée");

        await page.GetByLabel("Champ").SelectOptionAsync("contractReference");
        await page.GetByLabel("Nouvelle valeur").FillAsync("MRH-2026-7781");
        await page.GetByLabel("Motif de la correction (obligatoire)").FillAsync("numéro mal recopié du courrier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Corriger" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("tracée dans l'historique");
        (await page.Locator("dl.summary.two").InnerTextAsync()).Should().Contain("MRH-2026-7781");
        (await page.Locator("ol.timeline").InnerTextAsync()).Should()
            .Contain("Correction de « Contrat concerné » (motif : numéro mal recopié du courrier)").And.Contain("Claire Martin");
    }

    [Fact]
    public async Task An_unknown_reference_is_not_found()
    {
        var page = await app.SignInAsync("officer@demo.local");
        var response = await page.GotoAsync("/reclamations/REC-1999-99999");
        response!.Status.Should().Be(404);
    }
}
