using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Complaints;

/// <summary>The register's API on the real app: validation, filters, documents, profiles and their deadlines.</summary>
public sealed class ComplaintApiTests : IAsyncLifetime
{
    private ComplaintScenario _s = null!;

    public async Task InitializeAsync() => _s = await ComplaintScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private async Task<DateTimeOffset> NowAsync() =>
        (await (await _s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();

    [Fact]
    public async Task Invalid_input_is_a_400_naming_each_field_and_stores_nothing()
    {
        var response = await _s.Client.PostJsonAsync("/api/complaints", new
        {
            complainant = new { name = "", kind = "Client", email = "pas-une-adresse" },
            receivedAt = await NowAsync(),
            channel = "Pigeon",
            subject = "Objet",
            category = "adviceQuality",
            profile = "FR-ACPR",
        });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var fields = (await response.JsonAsync())["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        fields.Should().Contain("channel");

        response = await _s.Client.PostJsonAsync("/api/complaints", new
        {
            complainant = new { name = "", kind = "Client", email = "pas-une-adresse" },
            receivedAt = await NowAsync(),
            channel = "Email",
            category = "inconnue",
            profile = "XX",
        });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        fields = (await response.JsonAsync())["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        fields.Should().Contain(["complainant.name", "complainant.email", "subject", "category", "profile"]);

        (await (await _s.Client.GetAsync("/api/complaints")).JsonAsync()).AsArray().Should().BeEmpty();
        (await (await _s.Client.GetAsync("/api/engine/tasks")).JsonAsync()).AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Registering_stores_the_deadlines_starts_the_workflow_and_the_list_filters_it()
    {
        var now = await NowAsync();
        var fr = await _s.RegisterAsync(ComplaintRequests.New("FR-ACPR", now));
        var lu = await _s.RegisterAsync(ComplaintRequests.New("LU-CAA", now));
        fr["reference"]!.GetValue<string>().Should().EndWith("-00001");
        lu["reference"]!.GetValue<string>().Should().EndWith("-00002");
        fr["processInstanceId"].Should().NotBeNull();
        fr["status"]!.GetValue<string>().Should().Be("Registered");

        var received = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var expected = await (await _s.Client.GetAsync($"/api/profiles/LU-CAA/deadlines?receivedAt={received:yyyy-MM-dd}")).JsonAsync();
        lu["responseDueDate"]!.GetValue<string>().Should().Be(expected["responseDueDate"]!.GetValue<string>());
        lu["acknowledgementDueDate"]!.GetValue<string>().Should().Be(expected["acknowledgementDueDate"]!.GetValue<string>());

        var onlyLu = (await (await _s.Client.GetAsync("/api/complaints?profile=LU-CAA")).JsonAsync()).AsArray();
        onlyLu.Should().ContainSingle().Which!["reference"]!.GetValue<string>().Should().Be(lu["reference"]!.GetValue<string>());
        (await (await _s.Client.GetAsync("/api/complaints?overdue=true")).JsonAsync()).AsArray().Should().BeEmpty();
        (await _s.Client.GetAsync("/api/complaints?status=Nope")).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var file = await _s.ComplaintAsync(fr["id"]!.GetValue<string>());
        file["openTasks"]!.AsArray().Select(t => t!["taskDefinitionKey"]!.GetValue<string>()).Should().Equal("Task_Qualify");
        (await _s.Client.GetAsync($"/api/complaints/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_document_is_stored_with_its_hash_and_downloaded_as_uploaded()
    {
        var created = await _s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync()));
        var id = created["id"]!.GetValue<string>();
        var content = Encoding.UTF8.GetBytes("Madame, Monsieur, je conteste le refus de prise en charge…");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "lettre-originale.txt");
        form.Add(new StringContent("OriginalLetter"), "kind");
        var upload = await _s.Client.PostAsync($"/api/complaints/{id}/documents", form);
        upload.StatusCode.Should().Be(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var document = await upload.JsonAsync();
        document["sha256"]!.GetValue<string>().Should().BeEquivalentTo(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)));

        var download = await _s.Client.GetAsync($"/api/complaints/{id}/documents/{document["id"]}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(content);
        (await _s.ComplaintAsync(id))["documents"]!.AsArray().Should().ContainSingle();
        (await _s.Client.GetAsync($"/api/complaints/{Guid.NewGuid()}/documents/{document["id"]}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Fact]
    public async Task An_upload_is_typed_by_its_bytes_and_a_disguised_file_is_refused()
    {
        var created = await _s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync()));
        var id = created["id"]!.GetValue<string>();
        async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string claimedType, string name)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
            return await _s.Client.PostAsync($"/api/complaints/{id}/documents", new MultipartFormDataContent { { file, "file", name } });
        }

        var pdf = await UploadAsync([.. "%PDF-1.7\n"u8, .. "contenu"u8], "text/html", "courrier.pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.Created);
        (await pdf.JsonAsync())["contentType"]!.GetValue<string>().Should().Be("application/pdf", "the stored type is the checked one");

        var disguised = await UploadAsync("<script>alert(1)</script>"u8.ToArray(), "application/pdf", "facture.pdf");
        disguised.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await disguised.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("facture.pdf");
        var executable = await UploadAsync([0x4D, 0x5A, 0x90, 0x00], "application/octet-stream", "outil.exe");
        executable.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await _s.ComplaintAsync(id))["documents"]!.AsArray().Should().ContainSingle("only the real PDF was stored");
    }

    [Fact]
    public async Task Corrective_actions_have_an_owner_a_due_date_and_a_status_and_are_audited()
    {
        var created = await _s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync()));
        var id = created["id"]!.GetValue<string>();
        using var officer = _s.ClientAs("resp.reclamations", "ComplaintsOfficer");
        using var trainer = _s.ClientAs("resp.formation", "Staff");
        (await trainer.GetAsync("/api/auth/me")).EnsureSuccessStatusCode(); // the owner is a user of the firm
        var added = await officer.PostJsonAsync($"/api/complaints/{id}/corrective-actions",
            new { type = "Training", description = "Former l'équipe aux garanties MRH", owner = "resp.formation", dueDate = "2027-01-31" });
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var actionId = (await added.JsonAsync())["id"]!.GetValue<string>();
        (await _s.Client.PostJsonAsync($"/api/complaints/{id}/corrective-actions", new { description = "" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _s.Client.PostJsonAsync($"/api/complaints/{id}/corrective-actions/{actionId}/status", new { status = "Peut-être" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var done = await trainer.PostJsonAsync($"/api/complaints/{id}/corrective-actions/{actionId}/status", new { status = "Done" });
        done.StatusCode.Should().Be(HttpStatusCode.OK);

        var file = await _s.ComplaintAsync(id);
        var action = file["correctiveActions"]!.AsArray().Should().ContainSingle().Subject!;
        action["owner"]!.GetValue<string>().Should().Be("resp.formation");
        action["dueDate"]!.GetValue<string>().Should().Be("2027-01-31");
        action["status"]!.GetValue<string>().Should().Be("Done");
        file["timeline"]!.AsArray().Select(a => a!["user"]!.GetValue<string>()).Should().Contain(["resp.reclamations", "resp.formation"]);
    }

    [Fact]
    public async Task Profiles_are_listed_edited_with_validation_and_give_deadlines()
    {
        var profiles = (await (await _s.Client.GetAsync("/api/profiles")).JsonAsync()).AsArray();
        profiles.Select(p => p!["code"]!.GetValue<string>()).Should().Contain(["FR-ACPR", "LU-CAA"]);

        var deadlines = await (await _s.Client.GetAsync("/api/profiles/FR-ACPR/deadlines?receivedAt=2026-04-30&sentAt=2026-04-28")).JsonAsync();
        deadlines["clockStart"]!.GetValue<string>().Should().Be("2026-04-28");
        deadlines["acknowledgementDueDate"]!.GetValue<string>().Should().Be("2026-05-12");
        deadlines["responseDueDate"]!.GetValue<string>().Should().Be("2026-06-28");
        deadlines["mediatorFrom"]!.GetValue<string>().Should().Be("2026-06-28");
        deadlines["mediatorUntil"]!.GetValue<string>().Should().Be("2027-04-28");
        var bad = await _s.Client.GetAsync("/api/profiles/FR-ACPR/deadlines?receivedAt=2026-04-30&sentAt=2026-05-02");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.JsonAsync())["errors"]![0]!["field"]!.GetValue<string>().Should().Be("sentAt");
        (await _s.Client.GetAsync("/api/profiles/XX/deadlines?receivedAt=2026-04-30")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var lu = await (await _s.Client.GetAsync("/api/profiles/LU-CAA")).JsonAsync();
        lu["responsePeriod"]!["count"] = 45;
        (await _s.Client.PutAsync("/api/profiles/LU-CAA", new StringContent(lu.ToJsonString(), Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "staff do not edit deadline profiles");
        using var owner = _s.ClientAs("owner", "ProcessOwner");
        var saved = await owner.PutAsync("/api/profiles/LU-CAA", new StringContent(lu.ToJsonString(), Encoding.UTF8, "application/json"));
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var luDeadlines = await (await _s.Client.GetAsync("/api/profiles/LU-CAA/deadlines?receivedAt=2026-04-30")).JsonAsync();
        luDeadlines["responseDueDate"]!.GetValue<string>().Should().Be("2026-06-14");

        lu["responsePeriod"]!["count"] = -3;
        var refused = await owner.PutAsync("/api/profiles/LU-CAA", new StringContent(lu.ToJsonString(), Encoding.UTF8, "application/json"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await (await _s.Client.GetAsync("/api/profiles/LU-CAA")).JsonAsync())["responsePeriod"]!["count"]!.GetValue<int>().Should().Be(45);
    }
}
