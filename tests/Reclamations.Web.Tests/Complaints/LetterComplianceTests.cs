using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Register;
using Reclamations.Web.Accounts;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Complaints;

/// <summary>The letters' mandatory mentions (issue 9, "Letters") through the real workflows, templates and SMTP server: the
/// recourse routes of the profile's jurisdiction, the mediator's and the CAA's contacts, the stored date from which the
/// external body may be seized, the ORIAS number, the person in charge by name and function; a firm identity still a
/// placeholder stops every letter with an incident naming the setting; the register dates are those the letters left.</summary>
public sealed class LetterComplianceTests
{
    private const string Handler = "julie.roux";

    private static async Task<DateTimeOffset> NowAsync(ComplaintScenario s) =>
        (await (await s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();

    /// <summary>The complaint's handler as a real user with a function, so that letters name her.</summary>
    private static async Task AddHandlerAsync(ComplaintScenario s)
    {
        await using var scope = s.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser
        {
            Id = Handler, UserName = "julie.roux@cabinet-test.fr", Email = "julie.roux@cabinet-test.fr", DisplayName = "Julie Roux",
            JobTitle = "Chargée de clientèle",
        });
        result.Succeeded.Should().BeTrue();
    }

    /// <summary>Registers a complaint on <paramref name="profile"/> and answers it at once: the immediate answer carries every
    /// recourse route. Returns the complaint as the register then shows it, and the letter the SMTP server received.</summary>
    private static async Task<(JsonNode Complaint, string Text)> AnswerAtOnceAsync(ComplaintScenario s, string profile,
        Action<Complaint>? beforeAnswer = null)
    {
        await AddHandlerAsync(s);
        var created = await s.RegisterAsync(ComplaintRequests.New(profile, await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { acknowledgementMode = "immediateAnswer" });
        if (beforeAnswer is not null)
            await s.Services.GetRequiredService<ComplaintRegister>().UpdateAsync(Guid.Parse(id), "test", "Correction", beforeAnswer);
        await s.CompleteAsync(id, "Task_DraftImmediateAnswer", new { reviewOutcome = "unfounded", answerSummary = "Le refus est conforme au contrat." });
        // Under a profile whose answers Direction validates and the complaints officer countersigns (LU, seed 004).
        if ((await s.OpenTaskKeysAsync(id)).Contains("Task_ValidateAnswerDirection"))
            await s.CompleteAsync(id, "Task_ValidateAnswerDirection", new { answerApproved = true }, "direction");
        if ((await s.OpenTaskKeysAsync(id)).Contains("Task_CountersignAnswer"))
            await s.CompleteAsync(id, "Task_CountersignAnswer", new { answerApproved = true }, "resp.reclamations");
        var mail = (await s.MailsAsync(reference)).Should().ContainSingle(m => m.EnvelopeRecipients.Contains("claire.durand@example.org")).Subject;
        return ((await s.ComplaintAsync(id))["complaint"]!, mail.Message.TextBody ?? "");
    }

    private static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string url, JsonNode body) =>
        client.PutAsync(url, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    private static string French(JsonNode complaint, string field) => FrenchFormat.Date(DateOnly.Parse(complaint[field]!.GetValue<string>()));

    private static void HasTheFirmAndThePersonInCharge(string text) =>
        text.Should().Contain("immatriculé à l'ORIAS sous le n° 12 345 678", "the footer carries the ORIAS registration")
            .And.Contain("Julie Roux").And.Contain("Chargée de clientèle", "the person in charge is named with her function")
            .And.NotContain(Handler, "never by her user id");

    [Fact]
    public async Task A_french_answer_gives_the_second_level_and_the_mediator_with_every_contact_and_the_date_it_may_be_seized()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var (complaint, text) = await AnswerAtOnceAsync(s, "FR-ACPR");

        // Seed 003: « saisir gratuitement le médiateur par courrier (La Médiation de l'Assurance – Pôle CSCA – TSA 50110 –
        // 75441 PARIS Cedex 09), par email (le.mediateur@mediation-assurance.org) ».
        text.Should().Contain("demander un nouvel examen de votre réclamation à Claire Lambert, responsable du traitement des réclamations")
            .And.Contain("La Médiation de l'Assurance, Pôle CSCA, TSA 50110, 75441 Paris Cedex 09")
            .And.Contain("le.mediateur@mediation-assurance.org").And.Contain("www.mediation-assurance.org")
            .And.Contain($"soit à partir du {French(complaint, "externalRecourseFrom")}")
            .And.Contain($"au plus tard le {French(complaint, "externalRecourseUntil")}")
            .And.NotContain("Commissariat aux Assurances");
        HasTheFirmAndThePersonInCharge(text);
    }

    [Fact]
    public async Task A_luxembourg_answer_gives_the_direction_and_the_caa_with_every_contact_its_role_and_the_stored_seize_date()
    {
        await using var s = await ComplaintScenario.StartAsync();
        // The stored date (a delay letter moves it) is what the letter prints, whatever a fixed "90 days" would give.
        var stored = new DateOnly(2027, 1, 15);
        var (complaint, text) = await AnswerAtOnceAsync(s, "LU-CAA", c => c.ExternalRecourseFrom = stored);

        complaint["externalRecourseFrom"]!.GetValue<string>().Should().Be("2027-01-15");
        // Seed 004: « les différents moyens de contacter le CAA » and « le rôle et les compétences du CAA ».
        text.Should().Contain("revue par la Direction de Cabinet Test Courtage")
            .And.Contain("à partir du 15 janvier 2027").And.Contain($"au plus tard le {French(complaint, "externalRecourseUntil")}")
            .And.Contain("Commissariat aux Assurances (CAA), 11, rue Robert Stumper, L-2557 Luxembourg")
            .And.Contain("caa@caa.lu").And.Contain("(+352) 22 69 11 – 1").And.Contain("(+352) 22 69 10").And.Contain("www.caa.lu")
            .And.Contain("organe habilité à recevoir et examiner les réclamations")
            .And.NotContain("90 jours").And.NotContain("Médiation de l'Assurance");
        HasTheFirmAndThePersonInCharge(text);
    }

    [Fact]
    public async Task A_firms_own_profile_copied_from_the_french_one_sends_the_same_recourse_routes()
    {
        await using var s = await ComplaintScenario.StartAsync();
        using var owner = s.ClientAs("owner.user", "ProcessOwner");
        var copy = (await (await owner.GetAsync("/api/profiles/FR-ACPR")).JsonAsync()).AsObject();
        copy["code"] = "CABINET-FR";
        copy["name"] = "Politique du cabinet (copie ACPR)";
        var saved = await PutJsonAsync(owner, "/api/profiles/CABINET-FR", copy);
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        var (complaint, text) = await AnswerAtOnceAsync(s, "CABINET-FR");

        complaint["profileCode"]!.GetValue<string>().Should().Be("CABINET-FR");
        text.Should().Contain("demander un nouvel examen de votre réclamation à Claire Lambert")
            .And.Contain("La Médiation de l'Assurance, Pôle CSCA, TSA 50110, 75441 Paris Cedex 09")
            .And.Contain("le.mediateur@mediation-assurance.org").And.Contain("www.mediation-assurance.org")
            .And.Contain($"soit à partir du {French(complaint, "externalRecourseFrom")}");
        HasTheFirmAndThePersonInCharge(text);
    }

    [Fact]
    public async Task Outside_development_a_placeholder_identity_stops_the_letter_with_an_incident_naming_the_setting_and_admin_sees_it()
    {
        await using var s = await ComplaintScenario.StartAsync(new Dictionary<string, string?> { ["Firm:OriasNumber"] = "00 000 000" });
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });
        await s.AdvanceAsync("PT1H"); // the step's retries (10 s, 1 min, 5 min) all fail the same way

        using var admin = s.ClientAs("admin.user", "Admin");
        var instance = (await s.ComplaintAsync(id))["complaint"]!["processInstanceId"]!.GetValue<string>();
        var incidents = (await (await admin.GetAsync($"/api/engine/incidents?processInstanceId={instance}")).JsonAsync()).AsArray();
        var incident = incidents.Should().ContainSingle().Subject!;
        incident["activityId"]!.GetValue<string>().Should().Be("Task_SendAcknowledgement");
        incident["message"]!.GetValue<string>().Should().Contain("Firm:OriasNumber").And.Contain("00 000 000");
        (await s.MailsAsync(reference)).Should().BeEmpty("no letter leaves with a placeholder identity");
        (await s.ComplaintAsync(id))["letters"]!.AsArray().Should().BeEmpty();

        var page = await (await admin.GetAsync("/")).Content.ReadAsStringAsync();
        page.Should().Contain("Identité du cabinet incomplète").And.Contain("Firm:OriasNumber");
        using var staff = s.ClientAs("staff.user", "Staff");
        (await (await staff.GetAsync("/")).Content.ReadAsStringAsync()).Should().NotContain("Identité du cabinet incomplète");

        // Completing the identity and retrying the step lets the letter go, with the new ORIAS number; the banner goes.
        var firm = (await (await admin.GetAsync("/api/settings/firm")).JsonAsync()).AsObject();
        firm["problems"]!.AsArray().Should().ContainSingle();
        firm["oriasNumber"] = "07 654 321";
        (await PutJsonAsync(admin, "/api/settings/firm", firm)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.PostJsonAsync($"/api/engine/jobs/{incident["jobId"]}/retry", new { })).IsSuccessStatusCode.Should().BeTrue();
        await s.SettleAsync();
        var letter = (await s.MailsAsync(reference)).Should().ContainSingle().Subject;
        (letter.Message.TextBody ?? "").Should().Contain("ORIAS sous le n° 07 654 321");
        (await (await admin.GetAsync("/")).Content.ReadAsStringAsync()).Should().NotContain("Identité du cabinet incomplète");
    }

    [Fact]
    public async Task A_bad_firm_identity_is_refused_naming_the_field_and_changes_nothing()
    {
        await using var s = await ComplaintScenario.StartAsync();
        using var owner = s.ClientAs("owner.user", "ProcessOwner");
        var before = await (await owner.GetAsync("/api/settings/firm")).Content.ReadAsStringAsync();
        var firm = JsonNode.Parse(before)!.AsObject();
        firm["complaintsContactEmail"] = "pas-une-adresse";

        var response = await PutJsonAsync(owner, "/api/settings/firm", firm);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("complaintsContactEmail");
        (await (await owner.GetAsync("/api/settings/firm")).Content.ReadAsStringAsync()).Should().Be(before);

        var tooLong = JsonNode.Parse(before)!.AsObject();
        tooLong["name"] = new string('A', 201);
        tooLong["address"] = new JsonArray([.. Enumerable.Range(1, 11).Select(i => (JsonNode)$"ligne {i}")]);
        var refused = await PutJsonAsync(owner, "/api/settings/firm", tooLong);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("\"name\"").And.Contain("\"address\"").And.Contain("200 caractères");
        (await (await owner.GetAsync("/api/settings/firm")).Content.ReadAsStringAsync()).Should().Be(before);
    }

    [Fact]
    public async Task The_register_acknowledgement_date_is_when_the_smtp_server_accepted_the_mail()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        var task = (await s.ComplaintTasksAsync(id)).Single(t => t!["taskDefinitionKey"]!.GetValue<string>() == "Task_Acknowledge")!;
        (await s.Client.PostJsonAsync($"/api/engine/tasks/{task["id"]}/complete", new { variables = new { } })).StatusCode
            .Should().Be(HttpStatusCode.NoContent);
        (await s.Client.PostJsonAsync("/api/engine/clock/advance", new { duration = "PT0S" })).EnsureSuccessStatusCode(); // the letter is written

        var written = await s.ComplaintAsync(id);
        written["letters"]!.AsArray().Should().ContainSingle().Which!["sentAt"].Should().BeNull();
        written["complaint"]!["acknowledgedAt"].Should().BeNull("the letter has not left yet");

        (await s.Client.PostJsonAsync("/api/engine/clock/advance", new { duration = "PT3H" })).EnsureSuccessStatusCode();
        var accepted = await NowAsync(s);
        (await s.Services.GetRequiredService<MailOutbox>().ProcessDueAsync(100)).Sent.Should().BeGreaterThan(0);

        (await s.MailsAsync(reference)).Should().ContainSingle();
        var file = await s.ComplaintAsync(id);
        file["letters"]!.AsArray().Single()!["sentAt"]!.GetValue<DateTimeOffset>().Should().Be(accepted);
        file["complaint"]!["acknowledgedAt"]!.GetValue<DateTimeOffset>().Should().Be(accepted);
    }

    [Fact]
    public async Task The_register_acknowledgement_date_of_a_posted_letter_is_the_day_it_was_posted()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s), email: null));
        var id = created["id"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });
        var letter = (await s.ComplaintAsync(id))["letters"]!.AsArray().Should().ContainSingle().Subject!;
        (await s.ComplaintAsync(id))["complaint"]!["acknowledgedAt"].Should().BeNull("a letter to print has not left");

        await s.AdvanceAsync("P1D");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var postedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(await NowAsync(s), zone).DateTime);
        await s.Services.GetRequiredService<LetterDesk>().MarkPostedAsync(Guid.Parse(letter["id"]!.GetValue<string>()), postedOn, "resp.reclamations");

        var complaint = (await s.ComplaintAsync(id))["complaint"]!;
        var acknowledged = complaint["acknowledgedAt"]!.GetValue<DateTimeOffset>();
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(acknowledged, zone).DateTime).Should().Be(postedOn);
        var noon = postedOn.ToDateTime(new TimeOnly(12, 0));
        acknowledged.Should().Be(new DateTimeOffset(noon, zone.GetUtcOffset(noon)), "a posted letter left at noon of the day recorded");
    }

    [Fact]
    public async Task A_letter_whose_mail_fails_for_good_raises_a_task_for_the_complaints_officer()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using var s = await ComplaintScenario.StartAsync(new Dictionary<string, string?> { ["Mail:Smtp:Port"] = closedPort.ToString() });
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });
        using var officer = s.ClientAs("resp.reclamations", "ComplaintsOfficer");
        async Task<JsonArray> OfficerTasksAsync() => (await (await officer.GetAsync(
            $"/api/engine/tasks?candidateGroup=ComplaintsOfficer&businessKey={reference}&includeAssigned=true")).JsonAsync()).AsArray();
        (await OfficerTasksAsync()).Should().NotContain(t => t!["taskDefinitionKey"]!.GetValue<string>() == "Task_HandleFailedLetter");

        for (var attempt = 0; attempt < OutboxRetryPolicy.Default.MaxAttempts; attempt++) await s.AdvanceAsync("P2D");

        var failed = await s.Services.GetRequiredService<LetterDesk>().FailedAsync();
        failed.Should().ContainSingle(f => f.Reference == reference);
        (await OfficerTasksAsync()).Should().ContainSingle(t => t!["taskDefinitionKey"]!.GetValue<string>() == "Task_HandleFailedLetter");
        (await s.ComplaintAsync(id))["complaint"]!["acknowledgedAt"].Should().BeNull("the acknowledgement never left");
    }
}
