using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;
using Reclamations.Web.Shared;
using Reclamations.Web.Studio.Simulation;

namespace Reclamations.Browser.Tests.Studio;

/// <summary>The process owner simulates the unfounded branch in a sandbox, completing its tasks from the simulation page
/// up to the reasoned rejection, and reads that letter with the mediator's details; the page gives the answer deadline.</summary>
[Collection(StudioCollection.Name)]
public sealed class SimulationPageTests(StudioApp app)
{
    [Fact]
    public async Task A_simulation_of_the_unfounded_branch_shows_the_rejection_letter_with_the_mediator_and_the_answer_deadline()
    {
        var page = await app.SignInAsync("owner@demo.local");
        await page.GotoAsync("/studio/simulation");
        await page.ShouldBeAccessibleAsync("studio-simulation-start");
        // Version 1, the file's: the other studio tests deploy changed versions (a renamed task) on this app.
        await page.GetByLabel("Version déployée ou brouillon").SelectOptionAsync("complaint-handling:1");
        await page.GetByLabel("Réclamation non fondée (France) : jusqu'au rejet motivé").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Démarrer la simulation" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("id=", StringComparison.Ordinal));

        await CompleteAsync(page, "Qualifier la demande");
        await CompleteAsync(page, "Accuser réception");
        await CompleteAsync(page, "Désigner le réviseur indépendant", task =>
            task.GetByLabel("Examinateur indépendant").SelectOptionAsync(new SelectOptionValue { Label = "Sophie Lefèvre — Examinatrice indépendante" }));
        await CompleteAsync(page, "Examiner la réclamation");
        await CompleteAsync(page, "Expliquer la position au client");
        await CompleteAsync(page, "Rédiger la réponse motivée");

        var owner = await app.ActorAsync("owner@demo.local");
        var sandbox = (await app.Services.GetRequiredService<SimulationSandboxes>().ListAsync(owner.Id)).First();
        var complaint = (await SimulationSnapshot.LoadAsync(sandbox)).Complaint;
        (await page.GetByTestId("a-response-due").InnerTextAsync()).Should().Be(FrenchDates.Day(complaint.ResponseDueDate));
        (await page.Locator("table.simulation-table").First.InnerTextAsync()).Should().Contain("Courrier rendu");
        await page.Locator("[data-bpmn-diagram][data-ready='true']").First.WaitForAsync();
        await page.ShouldBeAccessibleAsync("studio-simulation");

        await page.GetByRole(AriaRole.Link, new() { Name = "Réponse à votre réclamation" }).First.ClickAsync();
        var letter = await page.Locator("body").InnerTextAsync();
        letter.Should().Contain("Le devoir de conseil a été respecté").And.Contain("La Médiation de l'Assurance")
            .And.Contain("www.mediation-assurance.org").And.Contain(complaint.Reference);
        sandbox.Clock.GetUtcNow().Should().BeOnOrAfter(complaint.ReceivedAt, "the sandbox runs on its own clock");
    }

    private static async Task CompleteAsync(IPage page, string title, Func<ILocator, Task>? fill = null)
    {
        var task = page.Locator(".simulation-task").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
        await task.WaitForAsync();
        if (fill is not null) await fill(task);
        await task.GetByRole(AriaRole.Button, new() { Name = "Terminer la tâche dans la simulation" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "terminée dans la simulation" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain(title);
    }
}
