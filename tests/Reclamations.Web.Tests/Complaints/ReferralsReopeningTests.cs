using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Complaints;

/// <summary>Issue 9, "Every measure documented" (part 2), through the real workflows and a real SMTP server: letters to a
/// representative naming the client, referrals to / from the mediator and the CAA, reopening with a new deadline watch,
/// editable categories mapped to the CAA types.</summary>
public sealed class ReferralsReopeningTests
{
    private const string Officer = "responsable@cabinet-test.fr";

    private static async Task<DateTimeOffset> NowAsync(ComplaintScenario s) =>
        (await (await s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();

    private static JsonObject Request(string profile, DateTimeOffset receivedAt) =>
        JsonSerializer.SerializeToNode(ComplaintRequests.New(profile, receivedAt), new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();

    [Fact]
    public async Task A_complaint_made_by_a_representative_sends_the_letters_to_them_naming_the_client()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var request = Request("FR-ACPR", await NowAsync(s));
        request["representative"] = new JsonObject
        {
            ["name"] = "Maître Jean Lefort", ["capacity"] = "Agent", ["email"] = "j.lefort@avocats.example.fr",
            ["postalAddress"] = "3 place Stanislas\n54000 Nancy",
        };
        var created = await s.RegisterAsync(request);
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();

        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });

        var ack = (await s.MailsAsync(reference)).Should().ContainSingle(m => (m.Message.Subject ?? "").Contains("Accusé de réception")).Subject;
        ack.EnvelopeRecipients.Should().Equal("j.lefort@avocats.example.fr");
        var text = ack.Message.TextBody ?? "";
        text.Should().Contain("Maître Jean Lefort").And.Contain("3 place Stanislas")
            .And.Contain("en votre qualité de mandataire de Mme Claire Durand");
        text.Should().NotContain("12 rue des Lilas", "the client's own address is not the letter's");
        var complaint = (await s.ComplaintAsync(id))["complaint"]!;
        complaint["representative"]!["capacity"]!.GetValue<string>().Should().Be("Agent");
        complaint["complainant"]!["name"]!.GetValue<string>().Should().Be("Mme Claire Durand");
    }

    [Fact]
    public async Task A_representative_without_an_address_or_with_an_unknown_capacity_is_refused_by_name()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var request = Request("FR-ACPR", await NowAsync(s));
        request["representative"] = new JsonObject { ["name"] = "Paul Héritier", ["capacity"] = "Cousin" };

        var response = await s.Client.PostJsonAsync("/api/complaints", request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("representative.capacity").And.Contain("Cousin");
        (await (await s.Client.GetAsync("/api/complaints")).JsonAsync()).AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Referrals_to_the_CAA_record_the_reference_and_the_firms_answer_deadline_with_the_days_left()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var request = Request("LU-CAA", await NowAsync(s));
        request["receivedThrough"] = "Caa";
        request["receivedThroughReference"] = "CAA-IN-77";
        var created = await s.RegisterAsync(request);
        var id = created["id"]!.GetValue<string>();
        var today = Reclamations.Engine.Api.ZonedTime.LocalDate(await NowAsync(s), Reclamations.Engine.Api.ZonedTime.FindZone("Europe/Paris")); // the firm's day
        using var officer = s.ClientAs("resp.reclamations", "ComplaintsOfficer");

        var refused = await officer.PostJsonAsync($"/api/complaints/{id}/referrals", new { body = "Ombudsman", referredOn = today });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("body");
        var added = await officer.PostJsonAsync($"/api/complaints/{id}/referrals",
            new { body = "Caa", referredOn = today, theirReference = "CAA-2026-0042", firmAnswerDueOn = today.AddDays(30) });
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var referral = await added.JsonAsync();
        referral["daysLeft"]!.GetValue<int>().Should().Be(30);

        await s.AdvanceAsync("P10D");
        var listed = (await (await s.Client.GetAsync($"/api/complaints/{id}/referrals")).JsonAsync()).AsArray().Single()!;
        listed["daysLeft"]!.GetValue<int>().Should().Be(20);
        var answered = await officer.PostJsonAsync($"/api/complaints/{id}/referrals/{referral["id"]}/answer", new { answeredOn = today.AddDays(9) });
        answered.StatusCode.Should().Be(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        (await answered.JsonAsync())["daysLeft"].Should().BeNull();

        var file = await s.ComplaintAsync(id);
        file["complaint"]!["receivedThrough"]!.GetValue<string>().Should().Be("Caa");
        file["complaint"]!["receivedThroughReference"]!.GetValue<string>().Should().Be("CAA-IN-77");
        file["timeline"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()).Should()
            .Contain("Saisine du CAA enregistrée").And.Contain("Réponse au CAA enregistrée");
        // The case file page shows the section with the deadline.
        using var page = s.PageClientAs("resp.reclamations");
        var html = await page.GetStringAsync($"/reclamations/{created["reference"]}");
        html.Should().Contain("Saisines du médiateur et du CAA").And.Contain("CAA-2026-0042").And.Contain("CAA-IN-77");
    }

    [Fact]
    public async Task A_closed_complaint_reopened_is_watched_again_from_the_reopening_date_and_counted_once_flagged()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "notComplaint", notComplaintAction = "transfer", thirdParty = "Assureur Exemple" });
        var closed = (await s.ComplaintAsync(id))["complaint"]!;
        closed["status"]!.GetValue<string>().Should().Be("Closed");
        var firstInstance = closed["processInstanceId"]!.GetValue<string>();
        await s.AdvanceAsync("P30D"); // the first deadlines have passed while it was closed: nothing watches them any more
        using var officer = s.ClientAs("resp.reclamations", "ComplaintsOfficer");

        var noReason = await officer.PostJsonAsync($"/api/complaints/{id}/reopen", new { reason = " " });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).Should().Contain("reason");
        using var reviewer = s.ClientAs("reviewer.only", "Reviewer");
        (await reviewer.PostJsonAsync($"/api/complaints/{id}/reopen", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var response = await officer.PostJsonAsync($"/api/complaints/{id}/reopen", new { reason = "Le client a en fait formulé une réclamation" });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await s.SettleAsync();

        var reopened = (await s.ComplaintAsync(id))["complaint"]!;
        var today = Reclamations.Engine.Api.ZonedTime.LocalDate(await NowAsync(s), Reclamations.Engine.Api.ZonedTime.FindZone("Europe/Paris")); // the firm's day
        reopened["status"]!.GetValue<string>().Should().Be("InProgress");
        reopened["reopenCount"]!.GetValue<int>().Should().Be(1);
        reopened["reopenedOn"]!.AsArray().Select(d => d!.GetValue<string>()).Should().Equal(today.ToString("yyyy-MM-dd"));
        reopened["clockStart"]!.GetValue<string>().Should().Be(today.ToString("yyyy-MM-dd"));
        reopened["closedAt"].Should().BeNull();
        var newInstance = reopened["processInstanceId"]!.GetValue<string>();
        newInstance.Should().NotBe(firstInstance);
        var instance = await (await s.Client.GetAsync($"/api/engine/process-instances/{newInstance}")).JsonAsync();
        instance["businessKey"]!.GetValue<string>().Should().Be(reference);
        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_Acknowledge", "Task_AssignReviewer");
        (await s.MailsAsync(reference)).Count(m => m.EnvelopeRecipients.Contains(Officer)).Should().Be(0);

        // The new watch runs on the new dates: the acknowledgement, due 10 working days after the reopening, is breached.
        await s.AdvanceAsync("P20D");
        reopened = (await s.ComplaintAsync(id))["complaint"]!;
        reopened["deadlineBreaches"]!.AsArray().Select(b => b!.GetValue<string>()).Should().Equal("acknowledgement");
        (await s.MailsAsync(reference)).Count(m => m.EnvelopeRecipients.Contains(Officer)).Should().Be(2, "the reminder, then the breach's alert");
        // The register keeps one row, flagged.
        var register = (await (await s.Client.GetAsync("/api/complaints")).JsonAsync()).AsArray();
        register.Should().ContainSingle();
        var csv = await s.Client.GetStringAsync("/registre/export.csv");
        csv.Should().Contain("Rouverte").And.Contain("1 fois");
        (await (await s.Client.GetAsync($"/api/complaints/{id}")).JsonAsync())["timeline"]!.AsArray()
            .Select(a => a!["action"]!.GetValue<string>()).Should().Contain(a => a.Contains("Réouverture") && a.Contains("formulé une réclamation"));
    }

    [Fact]
    public async Task An_acknowledged_complaint_reopened_starts_at_the_reviewers_appointment_and_cannot_be_reopened_while_open()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        using var officer = s.ClientAs("resp.reclamations", "ComplaintsOfficer");
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });

        var open = await officer.PostJsonAsync($"/api/complaints/{id}/reopen", new { reason = "Motif" });
        open.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await open.Content.ReadAsStringAsync()).Should().Contain("clôturée");

        // Closed in the register (as the closing step does), then reopened.
        var instanceId = (await s.ComplaintAsync(id))["complaint"]!["processInstanceId"]!.GetValue<string>();
        using var admin = s.ClientAs("admin", "Admin");
        (await admin.PostJsonAsync($"/api/engine/process-instances/{instanceId}/cancel", new { reason = "test" })).EnsureSuccessStatusCode();
        var register = (Reclamations.Domain.Register.ComplaintRegister)s.Services.GetService(typeof(Reclamations.Domain.Register.ComplaintRegister))!;
        await register.UpdateAsync(Guid.Parse(id), "resp.reclamations", "Clôture",
            c => { c.Status = Reclamations.Domain.Register.ComplaintStatus.Closed; c.ClosedAt = DateTimeOffset.UnixEpoch; });
        (await officer.PostJsonAsync($"/api/complaints/{id}/reopen", new { reason = "Nouvel élément" })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_AssignReviewer");
        await s.CompleteAsync(id, "Task_AssignReviewer", new { reviewer = "sophie.bernard" }, "resp.reclamations");
        await s.CompleteAsync(id, "Task_Review", new { reviewOutcome = "unfounded", findings = "Rien de nouveau." }, "sophie.bernard");
        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_ExplainPosition"); // the handling goes on past the join
    }

    [Fact]
    public async Task Admin_edits_the_categories_mapped_to_the_CAA_types_and_one_in_use_is_only_deactivated()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        using var admin = s.ClientAs("admin", "Admin");

        var noType = await admin.PostJsonAsync("/api/categories", new { code = "claimsDelay", label = "Lenteur des sinistres" });
        noType.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noType.Content.ReadAsStringAsync()).Should().Contain("caaType");
        (await admin.PostJsonAsync("/api/categories", new { code = "claimsDelay", label = "Lenteur des sinistres", caaType = "contractOperations" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var inUse = await admin.DeleteAsync("/api/categories/adviceQuality");
        inUse.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await inUse.Content.ReadAsStringAsync()).Should().Contain("désactivez");
        (await admin.PutAsJsonAsync("/api/categories/adviceQuality", new { isActive = false })).StatusCode.Should().Be(HttpStatusCode.OK);

        var all = (await (await s.Client.GetAsync("/api/categories")).JsonAsync()).AsArray();
        all.Should().Contain(c => c!["code"]!.GetValue<string>() == "claimsDelay" && c["caaType"]!.GetValue<string>() == "contractOperations");
        all.Single(c => c!["code"]!.GetValue<string>() == "adviceQuality")!["isActive"]!.GetValue<bool>().Should().BeFalse();
        var refused = await s.Client.PostJsonAsync("/api/complaints", ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a deactivated category is offered to no new complaint");
        (await (await s.Client.GetAsync($"/api/complaints/{created["id"]}")).JsonAsync())["complaint"]!["category"]!.GetValue<string>()
            .Should().Be("adviceQuality");
        var history = (await (await admin.GetAsync("/api/categories/history")).JsonAsync()).AsArray();
        history.Select(h => h!["action"]!.GetValue<string>()).Should().Equal("Désactivée", "Créée");
        history.Should().OnlyContain(h => h!["user"]!.GetValue<string>() == "admin");
    }
}
