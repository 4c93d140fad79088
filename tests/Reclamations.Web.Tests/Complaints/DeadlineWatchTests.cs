using System.Net;
using System.Text.Json.Nodes;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Complaints;

/// <summary>The regulatory deadlines are watched from registration, on the dates stored with the complaint, through the real
/// workflows and the simulation clock (issue: compliance corrections, "Deadlines").</summary>
public sealed class DeadlineWatchTests
{
    private const string Officer = "responsable@cabinet-test.fr";

    private static async Task<DateTimeOffset> NowAsync(ComplaintScenario s) =>
        (await (await s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();

    private static IEnumerable<string> Breaches(JsonNode complaint) =>
        complaint["deadlineBreaches"]!.AsArray().Select(b => b!.GetValue<string>());

    private static async Task<int> MailsToOfficerAsync(ComplaintScenario s, string reference) =>
        (await s.MailsAsync(reference)).Count(m => m.EnvelopeRecipients.Contains(Officer));

    [Fact]
    public async Task A_complaint_nobody_qualified_still_gets_its_reminder_then_its_breach_and_the_alert()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        var stored = (await s.ComplaintAsync(id))["complaint"]!;
        var reminderOn = DateOnly.Parse(stored["acknowledgementReminderDate"]!.GetValue<string>());
        var dueOn = DateOnly.Parse(stored["acknowledgementDueDate"]!.GetValue<string>());
        reminderOn.Should().BeBefore(dueOn);

        await s.AdvanceAsync("P20D"); // the 10th jour ouvrable has passed; nobody qualified the complaint

        (await s.OpenTaskKeysAsync(id)).Should().Contain("Task_Qualify");
        Breaches((await s.ComplaintAsync(id))["complaint"]!).Should().Equal("acknowledgement");
        (await MailsToOfficerAsync(s, reference)).Should().Be(2, "the reminder, then the breach's alert");
    }

    [Fact]
    public async Task An_acknowledged_complaint_gets_neither_reminder_nor_breach()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });

        await s.AdvanceAsync("P20D");

        Breaches((await s.ComplaintAsync(id))["complaint"]!).Should().BeEmpty();
        (await MailsToOfficerAsync(s, created["reference"]!.GetValue<string>())).Should().Be(0);
    }

    [Fact]
    public async Task A_profile_edited_after_registration_changes_only_the_complaints_registered_after_it()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var before = await s.RegisterAsync(ComplaintRequests.New("LU-CAA", await NowAsync(s)));
        var owner = s.ClientAs("owner", "ProcessOwner");
        var profile = await (await owner.GetAsync("/api/profiles/LU-CAA")).JsonAsync();
        profile["acknowledgementWorkingDays"] = 25;
        (await owner.PutAsync("/api/profiles/LU-CAA", new StringContent(profile.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var after = await s.RegisterAsync(ComplaintRequests.New("LU-CAA", await NowAsync(s)));

        var first = (await s.ComplaintAsync(before["id"]!.GetValue<string>()))["complaint"]!;
        var second = (await s.ComplaintAsync(after["id"]!.GetValue<string>()))["complaint"]!;
        first["profileVersion"]!.GetValue<int>().Should().Be(1);
        second["profileVersion"]!.GetValue<int>().Should().Be(2);
        var versions = (await (await owner.GetAsync("/api/profiles/LU-CAA/versions")).JsonAsync()).AsArray();
        versions.Select(v => (v!["version"]!.GetValue<int>(), v["savedBy"]!.GetValue<string>())).Should().Equal((1, "system"), (2, "owner"));
        versions[1]!["profile"]!["acknowledgementWorkingDays"]!.GetValue<int>().Should().Be(25);
        DateOnly.Parse(second["acknowledgementDueDate"]!.GetValue<string>())
            .Should().BeAfter(DateOnly.Parse(first["acknowledgementDueDate"]!.GetValue<string>()));

        await s.AdvanceAsync("P20D"); // past 10 working days, well before 25

        Breaches((await s.ComplaintAsync(before["id"]!.GetValue<string>()))["complaint"]!).Should().Equal(["acknowledgement"],
            "its timers use the dates stored at registration, not the edited profile");
        Breaches((await s.ComplaintAsync(after["id"]!.GetValue<string>()))["complaint"]!).Should().BeEmpty();
    }

    [Fact]
    public async Task The_second_level_has_its_own_reminder_and_breach_due_in_France_at_the_first_answers_deadline()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });
        await s.CompleteAsync(id, "Task_AssignReviewer", new { reviewer = "sophie.bernard" }, "resp.reclamations");
        await s.CompleteAsync(id, "Task_Review", new { reviewOutcome = "unfounded", findings = "Conseil donné." }, "sophie.bernard");
        await s.CompleteAsync(id, "Task_ExplainPosition", new { meetingDate = "2026-12-01", meetingSummary = "Appel." });
        await s.CompleteAsync(id, "Task_DraftReasonedAnswer", new { answerSummary = "Le devoir de conseil a été respecté." });
        (await s.Client.PostJsonAsync($"/api/complaints/{id}/client-reply", new { satisfied = false })).StatusCode.Should().Be(HttpStatusCode.OK);
        await s.SettleAsync();

        var complaint = (await s.ComplaintAsync(id))["complaint"]!;
        complaint["secondLevelDueDate"]!.GetValue<string>().Should().Be(complaint["responseDueDate"]!.GetValue<string>(),
            "ACPR's 2-month clock covers every internal level");
        var task = (await s.ComplaintTasksAsync(id)).Should().ContainSingle().Subject!;
        task["taskDefinitionKey"]!.GetValue<string>().Should().Be("Task_SecondLevelReview");
        var officerMailsBefore = await MailsToOfficerAsync(s, reference);

        await s.AdvanceAsync("P3M"); // past the second level's reminder and deadline

        Breaches((await s.ComplaintAsync(id))["complaint"]!).Should().Contain("secondLevel");
        (await MailsToOfficerAsync(s, reference)).Should().Be(officerMailsBefore + 2, "the second level's reminder, then its breach's alert");
        (await s.OpenTaskKeysAsync(id)).Should().Contain("Task_SecondLevelReview", "the review is still to be done");
    }

    [Fact]
    public async Task Correcting_the_received_date_recomputes_the_stored_deadlines_and_moves_the_pending_timers()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var now = await NowAsync(s);
        var created = await s.RegisterAsync(ComplaintRequests.New("LU-CAA", now));
        var id = created["id"]!.GetValue<string>();
        var registered = (await s.ComplaintAsync(id))["complaint"]!;

        var refused = await s.Client.PostJsonAsync($"/api/complaints/{id}/dates", new { receivedAt = now.AddDays(-14) });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("reason");
        var tooLong = await s.Client.PostJsonAsync($"/api/complaints/{id}/dates", new { receivedAt = now.AddDays(-14), reason = new string('x', 1001) });
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).Should().Contain("1000");

        var corrected = await s.Client.PostJsonAsync($"/api/complaints/{id}/dates",
            new { receivedAt = now.AddDays(-14), reason = "Courrier reçu à l'accueil le 2 et enregistré en retard." });
        corrected.StatusCode.Should().Be(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        var revised = (await s.ComplaintAsync(id))["complaint"]!;
        DateOnly.Parse(revised["acknowledgementDueDate"]!.GetValue<string>())
            .Should().BeBefore(DateOnly.Parse(registered["acknowledgementDueDate"]!.GetValue<string>()));
        (await s.ComplaintAsync(id))["timeline"]!.AsArray().Select(e => e!["action"]!.GetValue<string>())
            .Should().Contain(a => a.Contains("Correction des dates") && a.Contains("enregistré en retard"));

        await s.AdvanceAsync("P2D"); // the corrected 10th working day is already over: the moved timer fires now

        Breaches((await s.ComplaintAsync(id))["complaint"]!).Should().Contain("acknowledgement");
    }

    [Fact]
    public async Task An_oral_complaints_written_confirmation_starts_the_french_answer_clock()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var now = await NowAsync(s);
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", now, oral: true));
        var id = created["id"]!.GetValue<string>();
        var oral = (await s.ComplaintAsync(id))["complaint"]!;
        await s.AdvanceAsync("P7D");
        var confirmedOn = DateOnly.FromDateTime(now.AddDays(5).Date);

        var response = await s.Client.PostJsonAsync($"/api/complaints/{id}/dates",
            new { writtenConfirmationSentAt = confirmedOn.ToString("yyyy-MM-dd"), reason = "Confirmation écrite reçue." });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var confirmed = (await s.ComplaintAsync(id))["complaint"]!;
        confirmed["clockStart"]!.GetValue<string>().Should().Be(confirmedOn.ToString("yyyy-MM-dd"));
        confirmed["acknowledgementDueDate"]!.GetValue<string>().Should().Be(oral["acknowledgementDueDate"]!.GetValue<string>(),
            "the acknowledgement runs from the receipt of the oral complaint");
        DateOnly.Parse(confirmed["responseDueDate"]!.GetValue<string>()).Should().Be(confirmedOn.AddMonths(2));
    }
}
