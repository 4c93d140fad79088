using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Settings;
using Reclamations.Web.Tests.Complaints;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Studio;

/// <summary>The studio's settings page (/studio/parametres): deadline profiles saved as new versions that leave registered
/// complaints' dates alone, errors naming the field, alert addresses and SMTP settings in the database (the password never
/// shown back), other roles refused.</summary>
public sealed class StudioSettingsPageTests
{
    private const string Page = "/studio/parametres";

    private static async Task<DateTimeOffset> NowAsync(ComplaintScenario s) =>
        (await (await s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();

    [Fact]
    public async Task A_profile_edit_is_a_new_version_by_the_signed_in_user_and_leaves_a_registered_complaint_s_dates()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = Guid.Parse(created["id"]!.GetValue<string>());
        var (dueBefore, versionBefore) = await StoredDatesAsync(s, id);
        var owner = s.PageClientAs("paul.owner", "ProcessOwner");

        var html = await owner.GetStringAsync($"{Page}?profil=FR-ACPR");
        var fields = StudioForms.FieldsOf(html, "Profile")
            .With("acknowledgementWorkingDays", "15").With("officerCountersignsAnswers", "true").With("litigationBreachPolicy", "Suspend");
        var saved = await owner.PostFormAsync($"{Page}?profil=FR-ACPR", "Profile&code=FR-ACPR", fields);

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.TextAsync());
        var store = s.Services.GetRequiredService<DeadlineProfileStore>();
        var profile = await store.GetAsync("FR-ACPR");
        profile.AcknowledgementWorkingDays.Should().Be(15);
        profile.OfficerCountersignsAnswers.Should().BeTrue();
        profile.LitigationBreachPolicy.Should().Be(Reclamations.Domain.Deadlines.LitigationBreachPolicy.Suspend);
        profile.ResponsePeriod.Should().Be(Reclamations.Domain.Deadlines.DeadlinePeriod.OfMonths(2), "the fields not changed are posted back as they were");
        var versions = await store.VersionsAsync("FR-ACPR");
        versions[^1].SavedBy.Should().Be("paul.owner");
        versions[^1].Version.Should().Be(versionBefore + 1);
        (await StoredDatesAsync(s, id)).Should().Be((dueBefore, versionBefore), "a registered complaint keeps the dates of its version");
        var page = await (await owner.GetAsync($"{Page}?profil=FR-ACPR")).TextAsync();
        page.Should().Contain("acknowledgementWorkingDays : 10 → 15").And.Contain("paul.owner");

        var later = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        (await StoredDatesAsync(s, Guid.Parse(later["id"]!.GetValue<string>()))).ProfileVersion.Should().Be(versionBefore + 1);
    }

    [Fact]
    public async Task A_bad_profile_field_is_named_and_nothing_is_stored()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var owner = s.PageClientAs("paul.owner", "ProcessOwner");
        var store = s.Services.GetRequiredService<DeadlineProfileStore>();
        var before = (await store.VersionsAsync("LU-CAA")).Count;
        var html = await owner.GetStringAsync($"{Page}?profil=LU-CAA");
        var fields = StudioForms.FieldsOf(html, "Profile").With("responsePeriod.count", "trente").With("name", "")
            .With("responseReminderDays", "-3");

        var response = await owner.PostFormAsync($"{Page}?profil=LU-CAA", "Profile&code=LU-CAA", fields);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var text = await response.TextAsync();
        text.Should().Contain("Rien n'a été enregistré").And.Contain("« trente » n'est pas un nombre entier").And.Contain("name")
            .And.Contain("responsePeriod.count").And.Contain("trente", "what was typed is shown back to be corrected");
        (await store.VersionsAsync("LU-CAA")).Should().HaveCount(before);
        var negative = await owner.PostFormAsync($"{Page}?profil=LU-CAA", "Profile&code=LU-CAA",
            StudioForms.FieldsOf(html, "Profile").With("responseReminderDays", "-3"));
        (await negative.TextAsync()).Should().Contain("Le rappel de la réponse ne peut pas être négatif");
        (await store.VersionsAsync("LU-CAA")).Should().HaveCount(before);
    }

    [Fact]
    public async Task Smtp_settings_are_stored_used_by_the_mail_sender_and_the_password_never_comes_back()
    {
        // The app is configured without any SMTP server (mails as .eml files); the studio's settings point it at one.
        await using var s = await ComplaintScenario.StartAsync(new Dictionary<string, string?> { ["Mail:Smtp:Host"] = "" });
        var smtp = s.Smtp;
        var owner = s.PageClientAs("paul.owner", "ProcessOwner");
        const string password = "Tr3s-Secret!pw";

        var refused = await owner.PostFormAsync(Page, "Smtp", [("host", "mail server"), ("port", "99999"), ("security", "StartTls"),
            ("user", "robot"), ("password", password), ("from", "pas une adresse")]);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var refusal = await refused.TextAsync();
        refusal.Should().Contain("« mail server » n'est pas un nom d'hôte valide").And.Contain("Le port doit être un nombre entre 1 et 65535")
            .And.Contain("L'expéditeur « pas une adresse »").And.NotContain(password);

        var saved = await owner.PostFormAsync(Page, "Smtp", [("host", smtp.Host), ("port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("security", "None"), ("user", ""), ("password", password), ("from", "Cabinet Studio <envoi@cabinet-studio.fr>")]);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.TextAsync());
        var page = await (await owner.GetAsync(Page)).TextAsync();
        page.Should().Contain("Un mot de passe est enregistré").And.Contain("Laisser vide pour conserver").And.Contain("paul.owner")
            .And.NotContain(password);
        foreach (var url in new[] { "/api/settings/firm", "/api/settings/recourse", "/api/profiles", "/api/engine/process-definitions" })
            (await (await owner.GetAsync(url)).Content.ReadAsStringAsync()).Should().NotContain(password, url);

        // A blank password keeps the stored one.
        (await owner.PostFormAsync(Page, "Smtp", [("host", smtp.Host), ("port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("security", "None"), ("user", ""), ("password", ""), ("from", "Cabinet Studio <envoi@cabinet-studio.fr>")])).StatusCode
            .Should().Be(HttpStatusCode.Redirect);
        (await s.Services.GetRequiredService<SmtpSettingsStore>().CurrentAsync())!.Password.Should().Be(password);

        var transport = s.Services.GetRequiredService<IMailTransport>();
        await transport.SendAsync(new OutgoingMail(MailMessageIds.New("REC-TEST", "cabinet-studio.fr"), "REC-TEST", "client@example.org", "[REC-TEST] Essai", "<p>Essai</p>", "Essai"));
        var received = await smtp.WaitForMailToAsync("client@example.org", TimeSpan.FromSeconds(10));
        received.Message.From.ToString().Should().Contain("envoi@cabinet-studio.fr", "the stored sender is used");

        // A password never follows a changed server or login, and a login never travels unencrypted.
        var unencrypted = await owner.PostFormAsync(Page, "Smtp", [("host", "smtp.autre.example"), ("port", "25"), ("security", "None"),
            ("user", "robot"), ("password", "autre"), ("from", "Cabinet Studio <envoi@cabinet-studio.fr>")]);
        unencrypted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unencrypted.TextAsync()).Should().Contain("sans chiffrement");
        var withoutPassword = await owner.PostFormAsync(Page, "Smtp", [("host", "smtp.autre.example"), ("port", "587"), ("security", "StartTls"),
            ("user", "robot"), ("password", ""), ("from", "Cabinet Studio <envoi@cabinet-studio.fr>")]);
        withoutPassword.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await withoutPassword.TextAsync()).Should().Contain("saisissez le mot de passe");
        (await s.Services.GetRequiredService<SmtpSettingsStore>().CurrentAsync())!.Host.Should().Be(smtp.Host, "nothing changed");
        (await owner.PostFormAsync(Page, "Smtp", [("host", "smtp.autre.example"), ("port", "25"), ("security", "None"), ("user", ""),
            ("password", ""), ("from", "Cabinet Studio <envoi@cabinet-studio.fr>")])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var moved = (await s.Services.GetRequiredService<SmtpSettingsStore>().CurrentAsync())!;
        moved.Password.Should().BeNull("the stored password is not handed to another server");
        moved.ToString().Should().NotContain(password);
    }

    [Fact]
    public async Task Alert_addresses_are_stored_and_the_alerts_go_there()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var owner = s.PageClientAs("paul.owner", "ProcessOwner");

        var refused = await owner.PostFormAsync(Page, "Notifications", [("address.Direction", "direction@"), ("address.ComplaintsOfficer", "")]);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.TextAsync()).Should().Contain("L'adresse « direction@ » n'est pas une adresse de courriel valide");

        var saved = await owner.PostFormAsync(Page, "Notifications",
            [("address.Direction", "comite-direction@cabinet-test.fr"), ("address.ComplaintsOfficer", "")]);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        // LU-CAA informs Direction of every new complaint on receipt (seed 004).
        var created = await s.RegisterAsync(ComplaintRequests.New("LU-CAA", await NowAsync(s)));
        var reference = created["reference"]!.GetValue<string>();
        var alerts = (await s.MailsAsync(reference)).Where(m => m.EnvelopeRecipients.Any(r => r.Contains("direction", StringComparison.Ordinal))).ToList();
        alerts.Should().NotBeEmpty();
        alerts.SelectMany(m => m.EnvelopeRecipients).Should().Contain("comite-direction@cabinet-test.fr").And.NotContain("direction@cabinet-test.fr",
            "the stored address replaces the configuration's");
        (await (await owner.GetAsync(Page)).TextAsync()).Should().Contain("Direction : comite-direction@cabinet-test.fr");
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("ComplaintsOfficer")]
    [InlineData("Direction")]
    public async Task Other_roles_may_neither_see_nor_change_the_settings(string role)
    {
        await using var s = await ComplaintScenario.StartAsync();
        var owner = s.PageClientAs("paul.owner", "ProcessOwner");
        var html = await owner.GetStringAsync(Page);
        var other = s.PageClientAs($"someone-{role}", role);

        var get = await other.GetAsync(Page);
        var post = await other.PostAsync($"{Page}?handler=Notifications", new FormUrlEncodedContent([new("address.Direction", "x@y.fr")]));

        foreach (var response in new[] { get, post })
            (response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.AbsolutePath == "/acces-refuse")
                .Should().BeTrue($"{role} gets {response.StatusCode} {response.Headers.Location}");
        html.Should().Contain("Adresses des alertes");
        (await s.Services.GetRequiredService<NotificationAddressStore>().HistoryAsync()).Should().BeEmpty();
    }

    private static async Task<(DateOnly AcknowledgementDue, int ProfileVersion)> StoredDatesAsync(ComplaintScenario s, Guid id)
    {
        await using var db = await s.Services.GetRequiredService<IDbContextFactory<DomainDbContext>>().CreateDbContextAsync();
        var complaint = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == id);
        return (complaint.AcknowledgementDueDate, complaint.ProfileVersion);
    }
}
