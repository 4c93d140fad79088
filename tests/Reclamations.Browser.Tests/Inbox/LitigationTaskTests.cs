using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Inbox;

/// <summary>The litigation branch in the browser: a complaint the reviewer finds to carry a legal threat reaches the
/// litigation process (its set-up steps done through the app's services); the legal partner sees the declaration to the
/// insurer in the inbox and completes it from its page; staff sees it neither in the inbox nor by its address.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LitigationTaskTests(BrowserApp app)
{
    private const string Declare = "Déclarer le sinistre à l'assureur RC professionnelle / au courtier";

    [Fact]
    public async Task The_legal_partner_completes_the_litigation_task_that_staff_can_neither_see_nor_open()
    {
        var staffActor = await app.ActorAsync("staff@demo.local");
        var legalActor = await app.ActorAsync("legal@demo.local");
        var reviewerActor = await app.ActorAsync("reviewer@demo.local");
        var complaint = await app.RegisterComplaintAsync(staffActor, "M. Bruno Lefort");
        var reference = complaint.Reference;
        await app.CompleteAsync(reference, "Task_Qualify", new() { ["qualification"] = "complaint" }, staffActor);
        await app.CompleteAsync(reference, "Task_Acknowledge", [], staffActor);
        await app.CompleteAsync(reference, "Task_AssignReviewer", new() { ["reviewer"] = reviewerActor.Id },
            await app.ActorAsync("officer@demo.local"));
        await app.CompleteAsync(reference, "Task_Review",
            new() { ["reviewOutcome"] = "legalThreat", ["findings"] = "Le client annonce une assignation." }, reviewerActor);
        var task = await app.TaskAsync(reference, "Task_DeclareToInsurer", legalActor);

        var staff = await app.SignInAsync("staff@demo.local");
        await staff.GetByRole(AriaRole.Heading, new() { Name = "Corbeille" }).WaitForAsync();
        (await staff.Locator("table.data tbody tr").Filter(new() { HasText = reference }).AllInnerTextsAsync())
            .Should().NotContain(row => row.Contains(Declare), "the litigation branch is for the legal partner and Direction only");
        var refused = await staff.GotoAsync($"/taches/{task.Id}");
        refused!.Status.Should().BeOneOf([403, 404], "staff may not open a litigation task by its address");
        (await staff.ContentAsync()).Should().NotContain("assureur RC professionnelle");

        var legal = await app.SignInAsync("legal@demo.local");
        var row = legal.Locator("table.data tbody tr").Filter(new() { HasText = reference }).Filter(new() { HasText = Declare });
        (await row.CountAsync()).Should().Be(1);
        await legal.ShouldBeAccessibleAsync("corbeille-contentieux");
        await row.GetByRole(AriaRole.Link, new() { Name = Declare }).ClickAsync();
        await legal.GetByRole(AriaRole.Heading, new() { Name = Declare, Level = 1 }).WaitForAsync();
        await legal.ShouldBeAccessibleAsync("tache-contentieux");
        await legal.Locator("#f-insurerName").FillAsync("RCP Assurances");
        await legal.Locator("#f-insurerEmail").FillAsync("sinistres@rcp-assurances.example");
        await legal.Locator("#f-policyNumber").FillAsync("RCP-2026-778");
        await legal.Locator("#f-declarationSummary").FillAsync("Menace d'assignation pour défaut de conseil.");
        await legal.GetByRole(AriaRole.Button, new() { Name = "Terminer la tâche" }).ClickAsync();
        await legal.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        await app.TaskAsync(reference, "Task_ChooseCounsel", legalActor); // after the declaration letter, an asynchronous step
        await legal.ReloadAsync();
        var next = legal.Locator("table.data tbody tr").Filter(new() { HasText = reference });
        (await next.AllInnerTextsAsync()).Should().NotContain(r => r.Contains(Declare)).And.Contain(r => r.Contains("Choisir l'avocat"),
            "the litigation goes on with the choice of counsel");
    }
}
