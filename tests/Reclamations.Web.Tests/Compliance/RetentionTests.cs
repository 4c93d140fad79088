using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Compliance;

/// <summary>Retention (issue 9, "Trust and retention"): 5 years after its closing a complaint's personal data is erased —
/// complainant, document files, letters' bodies, the engine's variables — its statistics and the audit chain kept; a
/// complaint under legal hold is left whole. The app's manual clock moves the 5 years.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task A_closed_complaint_past_the_period_is_anonymised_and_one_under_legal_hold_is_not()
    {
        using var app = new ComplianceCase();
        var (erasedId, erasedInstance) = await app.RegisterAsync("claire.durand@example.org");
        var file = await app.AddDocumentAsync(erasedId, "lettre-de-mme-durand.txt", "Madame Durand conteste."u8.ToArray());
        await app.AddLetterAsync(erasedId, "accuse-reception", "Madame Durand, nous accusons réception de votre réclamation.");
        await app.CloseAsync(erasedId, erasedInstance);
        var (heldId, heldInstance) = await app.RegisterAsync("jean.petit@example.org");
        var heldFile = await app.AddDocumentAsync(heldId, "contrat.txt", "Contrat de M. Petit"u8.ToArray());
        await app.AddLetterAsync(heldId, "accuse-reception", "Monsieur Petit, nous accusons réception.");
        await app.CloseAsync(heldId, heldInstance);
        var hold = await app.Officer.PutAsJsonAsync($"/api/complaints/{heldId}/legal-hold", new { hold = true, reason = "Assignation devant le tribunal judiciaire" });
        hold.StatusCode.Should().Be(HttpStatusCode.OK, await hold.Content.ReadAsStringAsync());

        // One day short of the 5 years: nothing is due.
        await app.AdvanceAsync("P1825D");
        (await RunAsync(app))["erased"]!.GetValue<int>().Should().Be(0, "5 years have not passed since the closing");
        await app.AdvanceAsync("P2D");
        var run = await RunAsync(app);

        run["erased"]!.GetValue<int>().Should().Be(1);
        var erased = await ComplaintAsync(app, erasedId);
        erased["complainant"]!.ToJsonString().Should().NotContain("Durand").And.NotContain("claire");
        erased["complainant"]!["name"]!.GetValue<string>().Should().Be("[effacé]");
        erased["complainant"]!["email"].Should().BeNull();
        erased["description"].Should().BeNull();
        erased["answerSummary"].Should().BeNull();
        // The statistics are kept.
        erased["category"]!.GetValue<string>().Should().Be("adviceQuality");
        erased["profileCode"]!.GetValue<string>().Should().Be("FR-ACPR");
        erased["outcome"]!.GetValue<string>().Should().Be("unfounded");
        erased["deadlineBreaches"]!.AsArray().Select(b => b!.GetValue<string>()).Should().Equal("acknowledgement");
        erased["closedAt"].Should().NotBeNull();
        erased["complainant"]!["kind"]!.GetValue<string>().Should().Be("Client");
        File.Exists(file).Should().BeFalse("the document's file is deleted");
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            var letters = await db.SentLetters.AsNoTracking().Where(l => l.ComplaintId == erasedId).ToListAsync();
            letters.Should().ContainSingle().Which.Should().Match<Reclamations.Domain.Documents.SentLetter>(l => l.Html == "" && l.PlainText == "");
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.ComplaintId == erasedId).ToListAsync();
            string.Join("\n", audit.Select(a => a.Details)).Should().NotContain("Durand").And.NotContain("claire.durand");
            audit.Should().Contain(a => a.Action.StartsWith("Données personnelles effacées"));
        }

        var instance = await (await app.Admin.GetAsync($"/api/engine/process-instances/{erasedInstance}")).JsonAsync();
        instance["variables"]!.AsObject().Should().BeEmpty("the engine erased the instance's variables");
        var history = await (await app.Admin.GetAsync($"/api/engine/process-instances/{erasedInstance}/history")).Content.ReadAsStringAsync();
        history.Should().NotContain("Durand").And.Contain("PersonalDataErased");

        // Under legal hold: untouched, and the engine's hold followed the complaint's.
        var held = await ComplaintAsync(app, heldId);
        held["complainant"]!["email"]!.GetValue<string>().Should().Be("jean.petit@example.org");
        held["legalHold"]!.GetValue<bool>().Should().BeTrue();
        File.Exists(heldFile).Should().BeTrue();
        var heldInstanceInfo = await (await app.Admin.GetAsync($"/api/engine/process-instances/{heldInstance}")).JsonAsync();
        heldInstanceInfo["legalHold"]!.GetValue<bool>().Should().BeTrue();
        heldInstanceInfo["variables"]!.AsObject().Should().NotBeEmpty();

        // The audit chain still verifies, with the erased rows.
        var verification = await app.VerifyAsync();
        verification["valid"]!.GetValue<bool>().Should().BeTrue(verification.ToJsonString());
        verification["erasedRows"]!.GetValue<long>().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task A_legal_hold_needs_a_reason_is_audited_and_releasing_it_lets_the_retention_erase()
    {
        using var app = new ComplianceCase();
        var (id, instanceId) = await app.RegisterAsync("claire.durand@example.org");
        await app.CloseAsync(id, instanceId);

        var noReason = await app.Officer.PutAsJsonAsync($"/api/complaints/{id}/legal-hold", new { hold = true, reason = " " });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).Should().Contain("reason");
        (await app.Officer.PutAsJsonAsync($"/api/complaints/{id}/legal-hold", new { hold = true, reason = "Contrôle ACPR" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        await app.AdvanceAsync("P1900D");
        (await RunAsync(app))["erased"]!.GetValue<int>().Should().Be(0);

        (await app.Officer.PutAsJsonAsync($"/api/complaints/{id}/legal-hold", new { hold = false, reason = "Contrôle clos" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await RunAsync(app))["erased"]!.GetValue<int>().Should().Be(1);

        await using var db = await app.Factory.CreateDbContextAsync();
        var actions = await db.AuditEntries.AsNoTracking().Where(a => a.ComplaintId == id).Select(a => a.Action).ToListAsync();
        actions.Should().Contain(["Conservation légale posée", "Conservation légale levée"]);
        var instance = await (await app.Admin.GetAsync($"/api/engine/process-instances/{instanceId}")).JsonAsync();
        instance["legalHold"]!.GetValue<bool>().Should().BeFalse();
    }

    private static async Task<JsonNode> RunAsync(ComplianceCase app)
    {
        var response = await app.Admin.PostAsync("/api/retention/run", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<JsonNode> ComplaintAsync(ComplianceCase app, Guid id)
    {
        var response = await app.Officer.GetAsync($"/api/complaints/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["complaint"]!;
    }
}
