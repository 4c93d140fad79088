using System.Net;
using System.Text.Json.Nodes;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Complaints;

/// <summary>Issue 9, "Every measure documented": corrective actions have a type, an owner, a due date and a status
/// (seed 000: "documenter toutes les mesures"); an action still open once its due day is over raises a task for its owner
/// (workflows/corrective-action.bpmn, on the simulation clock).</summary>
public sealed class CorrectiveActionFollowUpTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static async Task<DateOnly> TodayAsync(ComplaintScenario s)
    {
        var now = (await (await s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Paris).DateTime);
    }

    private static async Task<(string Id, string Reference)> ComplaintAsync(ComplaintScenario s)
    {
        var now = (await (await s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", now));
        return (created["id"]!.GetValue<string>(), created["reference"]!.GetValue<string>());
    }

    private static async Task<JsonNode> AddAsync(HttpClient officer, string complaintId, object body)
    {
        var added = await officer.PostJsonAsync($"/api/complaints/{complaintId}/corrective-actions", body);
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        return await added.JsonAsync();
    }

    private static async Task<JsonNode> ActionAsync(ComplaintScenario s, string complaintId, string actionId) =>
        (await s.ComplaintAsync(complaintId))["correctiveActions"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == actionId)!;

    [Fact]
    public async Task An_action_still_open_after_its_due_day_gives_its_owner_a_task_that_can_postpone_or_close_it()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var (id, _) = await ComplaintAsync(s);
        using var officer = s.ClientAs("resp.reclamations", "ComplaintsOfficer");
        var today = await TodayAsync(s);
        var action = await AddAsync(officer, id, new
        {
            type = "Training", description = "Former l'équipe aux garanties MRH", owner = "staff.user", dueDate = today.AddDays(5).ToString("O"),
        });
        var actionId = action["id"]!.GetValue<string>();
        action["type"]!.GetValue<string>().Should().Be("Training");
        action["createdBy"]!.GetValue<string>().Should().Be("resp.reclamations");

        await s.AdvanceAsync("P5D");
        (await s.OpenTaskKeysAsync(id)).Should().NotContain("Task_HandleOverdueAction", "the due day is not over yet");
        await s.AdvanceAsync("P1D");
        var task = (await s.ComplaintTasksAsync(id)).Should().ContainSingle(t => t!["taskDefinitionKey"]!.GetValue<string>() == "Task_HandleOverdueAction").Subject!;
        task["assignee"]!.GetValue<string>().Should().Be("staff.user", "the task goes to the action's owner");

        var refused = await s.CompleteAsync(id, "Task_HandleOverdueAction", new { actionOutcome = "postponed" }, expectSuccess: false);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("nouvelle échéance");
        var newDue = today.AddDays(20);
        await s.CompleteAsync(id, "Task_HandleOverdueAction", new { actionOutcome = "postponed", newDueDate = newDue.ToString("O"), actionNote = "Formateur indisponible" });
        (await ActionAsync(s, id, actionId))["dueDate"]!.GetValue<string>().Should().Be(newDue.ToString("O"));
        (await s.OpenTaskKeysAsync(id)).Should().NotContain("Task_HandleOverdueAction");

        await s.AdvanceAsync("P15D");
        (await s.OpenTaskKeysAsync(id)).Should().Contain("Task_HandleOverdueAction", "the postponed due date is watched in turn");
        var done = await officer.PostJsonAsync($"/api/complaints/{id}/corrective-actions/{actionId}/status", new { status = "Done" });
        done.StatusCode.Should().Be(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        (await s.OpenTaskKeysAsync(id)).Should().NotContain("Task_HandleOverdueAction", "closing the action ends its follow-up");
        var closed = await ActionAsync(s, id, actionId);
        closed["status"]!.GetValue<string>().Should().Be("Done");
        closed["closedAt"].Should().NotBeNull();
        var timeline = (await s.ComplaintAsync(id))["timeline"]!.AsArray();
        timeline.Select(e => e!["user"]!.GetValue<string>()).Should().Contain("staff.user", "the postponement is recorded under its owner's name");
    }

    [Fact]
    public async Task An_action_done_in_time_raises_no_task_and_bad_input_is_refused_naming_the_field()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var (id, _) = await ComplaintAsync(s);
        using var officer = s.ClientAs("resp.reclamations", "ComplaintsOfficer");
        var today = await TodayAsync(s);
        var action = await AddAsync(officer, id, new { type = "Procedure", description = "Revoir la fiche conseil", owner = "staff.user", dueDate = today.AddDays(3).ToString("O") });
        var done = await officer.PostJsonAsync($"/api/complaints/{id}/corrective-actions/{action["id"]}/status", new { status = "Done" });
        done.StatusCode.Should().Be(HttpStatusCode.OK);
        await s.AdvanceAsync("P10D");
        (await s.OpenTaskKeysAsync(id)).Should().NotContain("Task_HandleOverdueAction");

        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { type = "Sometimes", description = "x", owner = "staff.user", dueDate = today.AddDays(3).ToString("O") }, "type"),
                     (new { type = "Product", description = "x", owner = "nobody.here", dueDate = today.AddDays(3).ToString("O") }, "owner"),
                     (new { type = "Product", description = "x", owner = "staff.user", dueDate = today.AddDays(-1).ToString("O") }, "dueDate"),
                     (new { type = "Product", description = "", owner = "staff.user", dueDate = today.AddDays(3).ToString("O") }, "description"),
                 })
        {
            var response = await officer.PostJsonAsync($"/api/complaints/{id}/corrective-actions", body);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.JsonAsync())["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Should().Contain(field);
        }
        (await s.ComplaintAsync(id))["correctiveActions"]!.AsArray().Should().ContainSingle("nothing was stored for the refused ones");
        (await officer.PostJsonAsync($"/api/complaints/{id}/corrective-actions/{action["id"]}/status", new { status = "Open" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "a closed action is not reopened");
    }
}
