using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Inbox;

/// <summary>The officer appoints the independent reviewer by picking a real user of the Reviewer role (the form field's
/// userPicker), and the examination lands in that reviewer's inbox.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewerAppointmentTests(BrowserApp app)
{
    [Fact]
    public async Task The_officer_picks_a_reviewer_who_finds_the_examination_in_their_inbox()
    {
        var staff = await app.SignInAsync("staff@demo.local");
        var qualify = staff.Locator("table.data tbody tr").Filter(new() { HasText = "Qualifier la demande" });
        if (await qualify.CountAsync() > 0)
        {
            await qualify.First.GetByRole(AriaRole.Link).First.ClickAsync();
            await staff.GetByLabel("Qualification").SelectOptionAsync("complaint");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Terminer la tâche" }).ClickAsync();
            await staff.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        }

        var officer = await app.SignInAsync("officer@demo.local");
        var appoint = officer.Locator("table.data tbody tr").Filter(new() { HasText = "Désigner le réviseur indépendant" });
        (await appoint.CountAsync()).Should().BeGreaterThan(0);
        var reference = (await appoint.First.Locator("td").Nth(1).InnerTextAsync()).Trim();
        await appoint.First.GetByRole(AriaRole.Link).First.ClickAsync();
        var picker = officer.GetByLabel("Examinateur indépendant");
        (await picker.Locator("option").AllInnerTextsAsync()).Should().Contain(o => o.Contains("Sophie Lefèvre"));
        await officer.ShouldBeAccessibleAsync("designation-examinateur");
        await picker.SelectOptionAsync(new SelectOptionValue { Label = "Sophie Lefèvre — Examinatrice indépendante" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Terminer la tâche" }).ClickAsync();
        await officer.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        var reviewer = await app.SignInAsync("reviewer@demo.local");
        var examine = reviewer.Locator("table.data tbody tr").Filter(new() { HasText = reference })
            .Filter(new() { HasText = "Examiner la réclamation" });
        (await examine.CountAsync()).Should().Be(1, "the examination is assigned to the reviewer picked");
        (await examine.InnerTextAsync()).Should().Contain("Moi");
    }
}
