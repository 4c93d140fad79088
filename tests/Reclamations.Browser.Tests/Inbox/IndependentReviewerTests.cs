using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;
using Reclamations.Web.Accounts;

namespace Reclamations.Browser.Tests.Inbox;

/// <summary>The independent-reviewer rule on the task page: the officer picks a reviewer the complaint is about and is
/// refused with the rule's reason beside the form; picking another reviewer succeeds, and that reviewer examines the
/// complaint from their inbox.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IndependentReviewerTests(BrowserApp app)
{
    private const string Appoint = "Désigner le réviseur indépendant";

    [Fact]
    public async Task A_reviewer_the_complaint_is_about_is_refused_with_the_reason_and_another_one_examines()
    {
        var staffActor = await app.ActorAsync("staff@demo.local");
        var involved = await app.ActorAsync("reviewer@demo.local");
        await app.EnsureUserAsync("examinateur2@demo.local", "Louis Garnier", "Examinateur indépendant", Roles.Reviewer);
        var complaint = await app.RegisterComplaintAsync(staffActor, "Mme Agnès Roussel", personsInvolved: [involved.Id]);
        var reference = complaint.Reference;
        await app.CompleteAsync(reference, "Task_Qualify", new() { ["qualification"] = "complaint" }, staffActor);

        var officer = await app.SignInAsync("officer@demo.local");
        var row = officer.Locator("table.data tbody tr").Filter(new() { HasText = reference }).Filter(new() { HasText = Appoint });
        await row.GetByRole(AriaRole.Link, new() { Name = Appoint }).ClickAsync();
        await officer.GetByRole(AriaRole.Heading, new() { Name = Appoint, Level = 1 }).WaitForAsync();
        var picker = officer.GetByLabel("Examinateur indépendant");
        await picker.SelectOptionAsync(new SelectOptionValue { Label = "Sophie Lefèvre — Examinatrice indépendante" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Terminer la tâche" }).ClickAsync();

        var alert = await officer.GetByRole(AriaRole.Alert).InnerTextAsync();
        alert.Should().Contain("Sophie Lefèvre").And.Contain("ne peut pas examiner cette réclamation : la réclamation le ou la vise");
        new Uri(officer.Url).AbsolutePath.Should().StartWith("/taches/", "the task stays open on its page");
        await officer.ShouldBeAccessibleAsync("designation-examinateur-refusee");

        await picker.SelectOptionAsync(new SelectOptionValue { Label = "Louis Garnier — Examinateur indépendant" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Terminer la tâche" }).ClickAsync();
        await officer.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        var reviewer = await app.SignInAsync("examinateur2@demo.local");
        var examine = reviewer.Locator("table.data tbody tr").Filter(new() { HasText = reference })
            .Filter(new() { HasText = "Examiner la réclamation" });
        (await examine.InnerTextAsync()).Should().Contain("Moi", "the examination is assigned to the reviewer picked");
        await examine.GetByRole(AriaRole.Link).First.ClickAsync();
        await reviewer.GetByRole(AriaRole.Heading, new() { Name = "Examiner la réclamation (revue indépendante)", Level = 1 }).WaitForAsync();
        await reviewer.GetByLabel("Conclusion de la revue").SelectOptionAsync("unfounded");
        await reviewer.Locator("#f-findings").FillAsync("Le conseil donné était adapté au profil de la cliente.");
        await reviewer.ShouldBeAccessibleAsync("examen");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Terminer la tâche" }).ClickAsync();
        await reviewer.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        (await reviewer.Locator("table.data tbody tr").Filter(new() { HasText = reference }).Filter(new() { HasText = "Examiner" })
            .CountAsync()).Should().Be(0, "the examination is done");
    }
}
