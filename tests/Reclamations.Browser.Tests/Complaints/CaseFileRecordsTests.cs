using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;
using Reclamations.Domain.Register;

namespace Reclamations.Browser.Tests.Complaints;

/// <summary>Issue 9's records on the case file, in the browser: a date correction (reason required) recomputes the
/// deadlines, a referral to the mediator is listed with its reference; accessible.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseFileRecordsTests(BrowserApp app)
{
    private const string Reference = "REC-2026-00001";

    [Fact]
    public async Task The_officer_corrects_the_sending_date_with_a_reason_and_the_deadlines_follow()
    {
        var register = app.Services.GetRequiredService<ComplaintRegister>();
        var before = (await register.GetByReferenceAsync(Reference)).Complaint;
        var sentOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(before.ReceivedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime)
            .AddDays(-1);
        var page = await app.SignInAsync("officer@demo.local");
        await page.GotoAsync($"/reclamations/{Reference}");

        await page.GetByLabel("Envoyée le (cachet, date du courriel)").FillAsync(sentOn.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les dates et recalculer les échéances" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().NotContain("recalculées", "a correction without a reason is refused");
        (await register.GetByReferenceAsync(Reference)).Complaint.ResponseDueDate.Should().Be(before.ResponseDueDate, "nothing changed");

        await page.GetByLabel("Envoyée le (cachet, date du courriel)").FillAsync(sentOn.ToString("yyyy-MM-dd"));
        await page.Locator("#datesReason").FillAsync("cachet de la poste lu sur l'enveloppe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les dates et recalculer les échéances" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("échéances recalculées");
        var after = (await register.GetByReferenceAsync(Reference)).Complaint;
        after.SentAt.Should().Be(sentOn);
        (await page.Locator("ol.timeline").InnerTextAsync()).Should().Contain("cachet de la poste lu sur l'enveloppe");
        await page.ShouldBeAccessibleAsync("dossier-correction-dates");
    }

    [Fact]
    public async Task A_referral_to_the_mediator_is_recorded_and_listed()
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var page = await app.SignInAsync("staff@demo.local");
        await page.GotoAsync($"/reclamations/{Reference}");
        await page.GetByLabel("Organisme saisi").SelectOptionAsync("Mediator");
        await page.GetByLabel("Saisi le").FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Référence du dossier chez l'organisme").FillAsync("MED-2026-0457");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la saisine" }).ClickAsync();
        var section = page.Locator("section[aria-labelledby='referrals-title']");
        (await section.InnerTextAsync()).Should().Contain("Médiateur").And.Contain("MED-2026-0457");
        await page.ShouldBeAccessibleAsync("dossier-saisine");
    }
}
