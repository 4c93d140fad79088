using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Testing.Mail;
using Reclamations.Web.Accounts;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Complaints;

/// <summary>Issue 9, "Litigation", through the real workflows and the real SMTP server: the client told of the declaration
/// to the insurer (seed 004), the register showing the litigation (status, dates) to everyone and its details (claim
/// reference, counsel, outcome) to LegalPartner and Direction only, in the case file API, the register list and export and
/// the inspector's export; the answer breach during litigation recorded apart; the legal hold; the outcome recording an
/// answer only with a letter to the client; a legal threat in the client's reply (seed 000); the countersignature (seed 004).</summary>
public sealed class LitigationRegisterTests
{
    private const string ClaimReference = "SIN-2026-991";
    private const string Counsel = "Maître Lefèvre";
    private const string Outcome = "Transaction confidentielle de 5 000 euros.";

    private static string Text(ReceivedMail mail) => mail.Message.TextBody ?? "";

    private static async Task<DateTimeOffset> NowAsync(ComplaintScenario s) =>
        (await (await s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();

    /// <summary>Registers an LU complaint and brings it to the litigation through the review's legal threat, the declaration
    /// sent and counsel chosen. Returns its id and reference.</summary>
    private static async Task<(string Id, string Reference)> InLitigationAsync(ComplaintScenario s)
    {
        var created = await s.RegisterAsync(ComplaintRequests.New("LU-CAA", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });
        await s.CompleteAsync(id, "Task_AssignReviewer", new { reviewer = "sophie.bernard" }, "resp.reclamations");
        await s.CompleteAsync(id, "Task_Review", new { reviewOutcome = "legalThreat", findings = "Le client annonce une assignation." }, "sophie.bernard");
        await DeclareAndChooseCounselAsync(s, id);
        return (id, created["reference"]!.GetValue<string>());
    }

    private static async Task DeclareAndChooseCounselAsync(ComplaintScenario s, string id)
    {
        await s.CompleteAsync(id, "Task_DeclareToInsurer", new
        {
            insurerName = "RCP Assurances", insurerEmail = "sinistres@rcp-assurances.example", policyNumber = "RCP-778",
            declarationSummary = "Menace d'assignation pour défaut de conseil.",
        }, "associe.rcp");
        await s.CompleteAsync(id, "Task_ChooseCounsel", new
        {
            counselName = Counsel, counselEmail = "cabinet@lefevre-avocats.example", insurerClaimReference = ClaimReference,
        }, "associe.rcp");
    }

    private static async Task EndAsync(ComplaintScenario s, string id, bool letter)
    {
        foreach (var key in new[] { "Task_OrganiseMeetings", "Task_PrepareRehearsals", "Task_OrganiseDocumentReview" })
            await s.CompleteAsync(id, key, new { }, "associe.rcp");
        await s.CompleteAsync(id, "Task_RecordLitigationOutcome", letter
            ? new { litigationOutcome = Outcome, litigationAnswerSent = true, litigationAnswerText = "Un accord amiable a été trouvé avec notre assureur." }
            : (object)new { litigationOutcome = Outcome, litigationAnswerSent = false }, "associe.rcp");
    }

    private static void HasNoDetails(string text, string what) =>
        text.Should().NotContain(ClaimReference, what).And.NotContain(Counsel, what).And.NotContain(Outcome, what);

    [Fact]
    public async Task The_client_is_told_of_the_declaration_and_the_register_shows_the_litigation_under_legal_hold()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var (id, reference) = await InLitigationAsync(s);

        // Seed 004: « informe le Réclamant […] par écrit, qu'une déclaration de sinistre a été ouverte auprès de l'assureur ».
        var notice = (await s.MailsAsync(reference)).Should().ContainSingle(m => m.EnvelopeRecipients.Contains("claire.durand@example.org")
            && (m.Message.Subject ?? "").Contains("Déclaration de sinistre")).Subject;
        Text(notice).Should().Contain("une déclaration de sinistre a été ouverte auprès de notre assureur de responsabilité civile professionnelle");
        HasNoDetails(Text(notice), "the client's letter is in everyone's case file");
        Text(notice).Should().NotContain("RCP-778");

        // The client's letter is the case file's (staff sees it); the letters to insurer and counsel stay restricted.
        var staffFile = await ComplaintScenario.ComplaintAsync(id, s.Client);
        staffFile["letters"]!.AsArray().Select(l => l!["templateName"]!.GetValue<string>())
            .Should().Contain("information-declaration-sinistre").And.NotContain(["declaration-assureur-rcp", "saisine-avocat"]);
        var complaint = staffFile["complaint"]!;
        complaint["status"]!.GetValue<string>().Should().Be("Litigation");
        complaint["litigationStartedAt"].Should().NotBeNull();
        complaint["legalHold"]!.GetValue<bool>().Should().BeTrue();
        complaint["litigationClaimReference"].Should().BeNull();
        complaint["litigationCounsel"].Should().BeNull();

        using var partner = s.ClientAs("associe.rcp", "LegalPartner");
        var seen = (await ComplaintScenario.ComplaintAsync(id, partner))["complaint"]!;
        seen["litigationClaimReference"]!.GetValue<string>().Should().Be(ClaimReference);
        seen["litigationCounsel"]!.GetValue<string>().Should().Be(Counsel);

        // The engine's hold is on the complaint's instance and on the litigation's.
        using var admin = s.ClientAs("admin", "Admin");
        var instance = await (await admin.GetAsync($"/api/engine/process-instances/{complaint["processInstanceId"]}")).JsonAsync();
        instance["legalHold"]!.GetValue<bool>().Should().BeTrue();

        // Past the answer deadline (LU: 30 days) while the litigation runs: a breach « pendant contentieux », apart from a plain one.
        await s.AdvanceAsync("P35D");
        var breaches = (await s.ComplaintAsync(id))["complaint"]!["deadlineBreaches"]!.AsArray().Select(b => b!.GetValue<string>()).ToList();
        breaches.Should().Contain("responseDuringLitigation").And.NotContain("response");
        (await s.OpenTaskKeysAsync(id)).Should().NotContain("Task_HandleResponseBreach");

        await EndAsync(s, id, letter: false);
        var ended = (await s.ComplaintAsync(id))["complaint"]!;
        ended["status"]!.GetValue<string>().Should().Be("Closed");
        ended["litigationEndedAt"].Should().NotBeNull();
        ended["answeredAt"].Should().BeNull("no letter went to the client at the end of the litigation");
        ended["litigationOutcome"].Should().BeNull();
        ended["legalHold"]!.GetValue<bool>().Should().BeTrue("the hold stays after the litigation; an Admin lifts it");
        (await ComplaintScenario.ComplaintAsync(id, partner))["complaint"]!["litigationOutcome"]!.GetValue<string>().Should().Be(Outcome);
    }

    [Theory]
    [InlineData("Record", new[] { "response" }, true)]
    [InlineData("Suspend", new string[0], false)]
    public async Task The_breach_during_litigation_follows_the_profile_as_it_was_at_registration(string policy, string[] expected, bool officerTask)
    {
        await using var s = await ComplaintScenario.StartAsync();
        using var owner = s.ClientAs("owner", "ProcessOwner");
        var profile = await (await owner.GetAsync("/api/profiles/LU-CAA")).JsonAsync();
        profile["litigationBreachPolicy"]!.GetValue<string>().Should().Be("RecordAsLitigation", "the default");
        profile["litigationBreachPolicy"] = policy;
        (await owner.PutAsync("/api/profiles/LU-CAA", new StringContent(profile.ToJsonString(), Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var (id, _) = await InLitigationAsync(s);

        await s.AdvanceAsync("P35D");
        (await s.ComplaintAsync(id))["complaint"]!["deadlineBreaches"]!.AsArray().Select(b => b!.GetValue<string>())
            .Should().BeEquivalentTo(expected);
        (await s.OpenTaskKeysAsync(id)).Contains("Task_HandleResponseBreach").Should().Be(officerTask);
    }

    [Fact]
    public async Task Staff_never_sees_the_litigation_details_through_the_register_the_case_file_or_the_inspector_export()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var (id, reference) = await InLitigationAsync(s);
        await EndAsync(s, id, letter: false);
        using var staff = s.ClientAs("staff.user", "Staff");
        using var officer = s.ClientAs("resp.reclamations", "ComplaintsOfficer");
        using var partner = s.ClientAs("associe.rcp", "LegalPartner");
        using var direction = s.ClientAs("direction", "Direction");

        foreach (var (reader, who) in new[] { (staff, "staff"), (officer, "complaints officer") })
        {
            var file = await (await reader.GetAsync($"/api/complaints/{id}")).Content.ReadAsStringAsync();
            HasNoDetails(file, $"the case file API for the {who}");
            var list = await (await reader.GetAsync("/api/complaints")).Content.ReadAsStringAsync();
            HasNoDetails(list, $"the register API for the {who}");
            var csv = await (await reader.GetAsync("/registre/export.csv")).Content.ReadAsStringAsync();
            csv.Should().Contain(reference).And.Contain("Contentieux depuis le").And.NotContain("Issue du contentieux");
            HasNoDetails(csv, $"the register export for the {who}");
            HasNoDetails(await (await reader.GetAsync("/registre")).Content.ReadAsStringAsync(), $"the register page for the {who}");
            HasNoDetails(await (await reader.GetAsync($"/reclamations/{reference}")).Content.ReadAsStringAsync(), $"the case file page for the {who}");
        }

        // The inspector's export (ComplaintsOfficer): neither the fields nor the audit rows that record them.
        var officerZip = await (await officer.GetAsync($"/api/complaints/{id}/inspector-export")).Content.ReadAsByteArrayAsync();
        foreach (var (name, bytes) in Unzip(officerZip)) HasNoDetails(Encoding.UTF8.GetString(bytes), $"{name} of the officer's inspector export");
        var directionZip = Unzip(await (await direction.GetAsync($"/api/complaints/{id}/inspector-export")).Content.ReadAsByteArrayAsync());
        Encoding.UTF8.GetString(directionZip["dossier.json"]).Should().Contain(Outcome).And.Contain(ClaimReference);

        var partnerCsv = await (await partner.GetAsync("/registre/export.csv")).Content.ReadAsStringAsync();
        partnerCsv.Should().Contain("Issue du contentieux").And.Contain(Outcome).And.Contain(Counsel).And.Contain(ClaimReference);
        var partnerTimeline = (await ComplaintScenario.ComplaintAsync(id, partner))["timeline"]!.AsArray();
        partnerTimeline.Should().Contain(a => a!["action"]!.GetValue<string>() == "Contentieux : issue" && a["readerGroups"] != null);
        var staffTimeline = (await ComplaintScenario.ComplaintAsync(id, staff))["timeline"]!.AsArray();
        staffTimeline.Select(a => a!["action"]!.GetValue<string>()).Should().Contain("Contentieux terminé").And.NotContain("Contentieux : issue");

        // The audit chain still verifies with the reader groups among what it covers.
        var verify = await (await officer.GetAsync("/api/audit/verify")).JsonAsync();
        verify["valid"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task A_legal_threat_in_the_clients_reply_opens_the_litigation_and_a_letter_at_its_end_is_the_answer_countersigned()
    {
        await using var s = await ComplaintScenario.StartAsync();
        // The complaints officer as a real user with a function (seed 004: Philippe Burdeyron, Responsable Réclamations).
        using var officer = s.ClientAs("resp.reclamations", "ComplaintsOfficer");
        (await officer.GetAsync("/api/auth/me")).EnsureSuccessStatusCode();
        await using (var scope = s.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByIdAsync("resp.reclamations"))!;
            account.DisplayName = "Philippe Burdeyron";
            account.JobTitle = "Responsable Réclamations";
            (await users.UpdateAsync(account)).Succeeded.Should().BeTrue();
        }
        var created = await s.RegisterAsync(ComplaintRequests.New("LU-CAA", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { acknowledgementMode = "immediateAnswer" });
        await s.CompleteAsync(id, "Task_DraftImmediateAnswer", new { reviewOutcome = "unfounded", answerSummary = "Le refus est conforme au contrat." });
        await s.CompleteAsync(id, "Task_ValidateAnswerDirection", new { answerApproved = true }, "direction");
        await s.CompleteAsync(id, "Task_CountersignAnswer", new { answerApproved = true }, "resp.reclamations");
        var answer = (await s.MailsAsync(reference)).Should().ContainSingle(m => m.EnvelopeRecipients.Contains("claire.durand@example.org")).Subject;
        // Seed 004: « transmises par un courrier signé par le courtier/sous courtier et le Responsable Réclamations ».
        Text(answer).Should().Contain("Contresigné par Philippe Burdeyron, Responsable Réclamations").And.NotContain("resp.reclamations");
        Text(answer).Should().Contain("revue par la Direction", "LU-CAA's second level is Direction's (SecondLevelReviewerGroup)");
        var answeredAt = (await s.ComplaintAsync(id))["complaint"]!["answeredAt"]!.GetValue<DateTimeOffset>();

        // A satisfied client cannot threaten: refused, nothing delivered.
        var refused = await officer.PostJsonAsync($"/api/complaints/{id}/client-reply", new { satisfied = true, legalThreat = true });
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("legalThreat");
        (await s.ComplaintAsync(id))["complaint"]!["status"]!.GetValue<string>().Should().Be("Answered");

        // Seed 000: « Si le réclamant demeure insatisfait et indique que de nouvelles mesures seront prises telles […] qu'une
        // action en justice, la situation doit être portée à l'attention de la direction du cabinet. »
        var reply = await officer.PostJsonAsync($"/api/complaints/{id}/client-reply",
            new { satisfied = false, legalThreat = true, comment = "Le client annonce une assignation." });
        reply.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await reply.Content.ReadAsStringAsync());
        await s.SettleAsync();
        (await s.ComplaintAsync(id))["complaint"]!["status"]!.GetValue<string>().Should().Be("Litigation");
        (await s.MailsAsync(reference)).Should().Contain(m => m.EnvelopeRecipients.Contains("direction@cabinet-test.fr")
            && (m.Message.Subject ?? "").Contains("Menace"));

        await DeclareAndChooseCounselAsync(s, id);
        await EndAsync(s, id, letter: true);
        var outcomeLetter = (await s.MailsAsync(reference)).Should().ContainSingle(m => m.EnvelopeRecipients.Contains("claire.durand@example.org")
            && (m.Message.Subject ?? "").Contains("Suite donnée")).Subject;
        Text(outcomeLetter).Should().Contain("Un accord amiable a été trouvé avec notre assureur.").And.NotContain(Outcome);
        var complaint = (await s.ComplaintAsync(id))["complaint"]!;
        complaint["answerSummary"]!.GetValue<string>().Should().Be("Un accord amiable a été trouvé avec notre assureur.");
        complaint["answeredAt"]!.GetValue<DateTimeOffset>().Should().Be(answeredAt, "the first answer's date stays the register's");
        complaint["status"]!.GetValue<string>().Should().Be("Closed");
        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_CorrectiveActions");
    }

    private static Dictionary<string, byte[]> Unzip(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }
}
