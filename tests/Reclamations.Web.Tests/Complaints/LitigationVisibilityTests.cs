using System.Net;
using System.Text.Json.Nodes;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Complaints;

/// <summary>The litigation branch (workflows/litigation.bpmn, readerGroups LegalPartner,Direction) through the generic engine
/// routes: not found for Staff (as an unknown id), readable by the LegalPartner and Direction; what it hands back to the
/// complaint's instance is hidden from Staff there too.</summary>
public sealed class LitigationVisibilityTests
{
    private static async Task<(string ComplaintId, JsonNode Task)> ToLitigationAsync(ComplaintScenario s)
    {
        var now = (await (await s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();
        var id = (await s.RegisterAsync(ComplaintRequests.New("LU-CAA", now)))["id"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });
        await s.CompleteAsync(id, "Task_AssignReviewer", new { reviewer = "sophie.bernard" }, "resp.reclamations");
        await s.CompleteAsync(id, "Task_Review", new { reviewOutcome = "legalThreat", findings = "Assignation annoncée." }, "sophie.bernard");
        var task = (await s.ComplaintTasksAsync(id)).Single(t => t!["taskDefinitionKey"]!.GetValue<string>() == "Task_DeclareToInsurer")!;
        return (id, task);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url) => (await client.GetAsync(url)).StatusCode;

    [Fact]
    public async Task The_litigation_task_instance_and_history_are_not_found_for_staff_and_readable_by_the_legal_partner()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var (complaintId, task) = await ToLitigationAsync(s);
        var instance = task["processInstanceId"]!.GetValue<string>();
        var taskId = task["id"]!.GetValue<string>();
        using var staff = s.ClientAs("staff.user", "Staff");
        using var officer = s.ClientAs("resp.reclamations", "ComplaintsOfficer");
        using var partner = s.ClientAs("associe.rcp", "LegalPartner");
        using var direction = s.ClientAs("direction", "Direction");

        foreach (var outsider in new[] { staff, officer })
        {
            var missing = await outsider.GetAsync($"/api/engine/process-instances/{instance}");
            missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await missing.JsonAsync())["detail"]!.GetValue<string>().Should().Be($"Process instance '{instance}' does not exist.");
            (await StatusAsync(outsider, $"/api/engine/process-instances/{instance}/history")).Should().Be(HttpStatusCode.NotFound);
            (await StatusAsync(outsider, $"/api/engine/tasks/{taskId}")).Should().Be(HttpStatusCode.NotFound);
            var listed = await outsider.GetAsync($"/api/engine/tasks?processInstanceId={instance}");
            (await listed.JsonAsync()).AsArray().Should().BeEmpty();
            listed.Headers.GetValues("X-Total-Count").Should().Equal("0");
            (await outsider.PostAsync($"/api/engine/tasks/{taskId}/claim", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await ComplaintScenario.ComplaintAsync(complaintId, outsider))["openTasks"]!.AsArray()
                .Should().NotContain(t => t!["id"]!.GetValue<string>() == taskId);
        }

        (await StatusAsync(partner, $"/api/engine/process-instances/{instance}")).Should().Be(HttpStatusCode.OK);
        (await (await partner.GetAsync($"/api/engine/process-instances/{instance}/history")).JsonAsync()).AsArray().Should().NotBeEmpty();
        (await (await partner.GetAsync($"/api/engine/tasks/{taskId}")).JsonAsync())["taskDefinitionKey"]!.GetValue<string>()
            .Should().Be("Task_DeclareToInsurer");
        (await (await partner.GetAsync($"/api/engine/tasks?processInstanceId={instance}")).JsonAsync()).AsArray().Should().ContainSingle();
        (await StatusAsync(direction, $"/api/engine/process-instances/{instance}")).Should().Be(HttpStatusCode.OK);
        (await StatusAsync(direction, $"/api/engine/process-instances/{instance}/history")).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task What_the_litigation_hands_back_is_hidden_from_staff_in_the_complaints_instance()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var (complaintId, _) = await ToLitigationAsync(s);
        await s.CompleteAsync(complaintId, "Task_DeclareToInsurer", new
        {
            insurerName = "RCP Assurances", insurerEmail = "sinistres@rcp-assurances.example", policyNumber = "RCP-778",
            declarationSummary = "Menace d'assignation.",
        }, "associe.rcp");
        await s.CompleteAsync(complaintId, "Task_ChooseCounsel", new { counselName = "Maître Lefèvre", counselEmail = "cabinet@lefevre-avocats.example" }, "associe.rcp");
        foreach (var key in new[] { "Task_OrganiseMeetings", "Task_PrepareRehearsals", "Task_OrganiseDocumentReview" })
            await s.CompleteAsync(complaintId, key, new { }, "associe.rcp");
        await s.CompleteAsync(complaintId, "Task_RecordLitigationOutcome", new { litigationOutcome = "Transaction signée.", litigationAnswerSent = false }, "associe.rcp");
        var parent = (await s.ComplaintAsync(complaintId))["complaint"]!["processInstanceId"]!.GetValue<string>();
        using var staff = s.ClientAs("staff.user", "Staff");
        using var partner = s.ClientAs("associe.rcp", "LegalPartner");

        var seen = (await (await staff.GetAsync($"/api/engine/process-instances/{parent}")).JsonAsync())["variables"]!.AsObject();
        seen.Should().ContainKey("reviewOutcome").And.NotContainKey("counselName").And.NotContainKey("insurerName");
        var history = (await (await staff.GetAsync($"/api/engine/process-instances/{parent}/history?maxResults=1000")).JsonAsync()).AsArray();
        history.Where(h => h!["variableName"]?.GetValue<string>() == "counselName")
            .Should().NotBeEmpty().And.OnlyContain(h => h!["value"] == null);
        (await (await partner.GetAsync($"/api/engine/process-instances/{parent}")).JsonAsync())["variables"]!["counselName"]!
            .GetValue<string>().Should().Be("Maître Lefèvre");

        // The letters to insurer and counsel are the litigation's: in the partner's case file only.
        await s.SettleAsync();
        using var direction = s.ClientAs("direction", "Direction");
        var partnerLetters = (await (await partner.GetAsync($"/api/complaints/{complaintId}")).JsonAsync())["letters"]!.AsArray();
        var litigationLetters = partnerLetters.Where(l => l!["templateName"]!.GetValue<string>() is "declaration-assureur-rcp" or "saisine-avocat").ToList();
        litigationLetters.Should().HaveCount(2);
        var staffLetters = (await (await staff.GetAsync($"/api/complaints/{complaintId}")).JsonAsync())["letters"]!.AsArray();
        staffLetters.Select(l => l!["templateName"]!.GetValue<string>()).Should().NotContain(["declaration-assureur-rcp", "saisine-avocat"])
            .And.HaveCount(partnerLetters.Count - 2, "the complaint's own letters stay in everyone's case file");
        var staffTimeline = (await (await staff.GetAsync($"/api/complaints/{complaintId}")).JsonAsync())["timeline"]!.AsArray();
        staffTimeline.Select(a => a!["action"]!.GetValue<string>()).Should().NotContain(a => a.Contains("declaration-assureur-rcp") || a.Contains("saisine-avocat"));
        var partnerTimeline = (await (await partner.GetAsync($"/api/complaints/{complaintId}")).JsonAsync())["timeline"]!.AsArray();
        partnerTimeline.Select(a => a!["action"]!.GetValue<string>()).Should().Contain(a => a.Contains("declaration-assureur-rcp"));
        var letterUrl = $"/api/complaints/{complaintId}/letters/{litigationLetters[0]!["id"]}";
        (await staff.GetAsync(letterUrl)).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await partner.GetAsync(letterUrl)).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await direction.GetAsync(letterUrl)).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }
}
