using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Engine;

/// <summary>The operator routes over HTTP, the acting user signed in (bearer token).</summary>
public sealed class OperatorApiTests : IDisposable
{
    private readonly WebHost _host = new(settings: new Dictionary<string, string?> { ["Engine:MinimumHistoryTimeToLive"] = "30" });

    public void Dispose()
    {
        _host.Dispose();
        WebHost.DeleteFolder(_host.Folder);
    }

    private HttpClient Client(string user, string groups) => _host.ClientAs(user, groups);

    private HttpClient Admin => Client("olga", "Admin");
    private HttpClient Staff => Client("sam", "Staff");

    private async Task<string> StartAsync(HttpClient client, string businessKey)
    {
        var start = await client.PostJsonAsync("/api/engine/process-definitions/simple/start", new { businessKey });
        start.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await start.JsonAsync())["id"]!.GetValue<string>();
    }

    private async Task<HttpClient> DeployedAsync()
    {
        var admin = Admin;
        (await admin.PostAsync("/api/engine/deployments", new StringContent(TestBpmn.Simple, Encoding.UTF8, "application/xml")))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        return admin;
    }

    private static async Task<JsonArray> HistoryAsync(HttpClient client, string id) =>
        (await (await client.GetAsync($"/api/engine/process-instances/{id}/history")).JsonAsync()).AsArray();

    private static async Task<string> TaskIdAsync(HttpClient client, string id) =>
        (await (await client.GetAsync($"/api/engine/tasks?processInstanceId={id}")).JsonAsync()).AsArray().Single()!["id"]!.GetValue<string>();

    [Fact]
    public async Task Every_operator_route_is_403_for_another_role_and_changes_nothing()
    {
        var admin = await DeployedAsync();
        var id = await StartAsync(admin, "REC-1");
        var staff = Staff;
        var before = (await HistoryAsync(admin, id)).Count;

        var refused = new[]
        {
            await staff.PostJsonAsync($"/api/engine/process-instances/{id}/cancel", new { reason = "x" }),
            await staff.PostJsonAsync($"/api/engine/process-instances/{id}/suspend", new { }),
            await staff.PostJsonAsync($"/api/engine/process-instances/{id}/activate", new { }),
            await staff.PutAsJsonAsync($"/api/engine/process-instances/{id}/variables/amount", new { value = 5 }),
            await staff.PostJsonAsync($"/api/engine/process-instances/{id}/modification",
                new { instructions = new[] { new { type = "cancel", activityId = "qualify" } } }),
            await staff.PutAsJsonAsync($"/api/engine/process-instances/{id}/legal-hold", new { hold = true, reason = "x" }),
            await staff.PostJsonAsync($"/api/engine/incidents/{Guid.NewGuid()}/resolve", new { }),
            await staff.GetAsync("/api/engine/history/cleanup"),
            await staff.PostJsonAsync("/api/engine/history/cleanup", new { }),
        };
        foreach (var response in refused)
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, response.RequestMessage!.RequestUri!.ToString());
            (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("'sam'");
        }
        (await HistoryAsync(admin, id)).Count.Should().Be(before);
    }

    [Fact]
    public async Task Suspend_makes_task_completion_409_activate_lets_it_through_and_both_are_in_history()
    {
        var admin = await DeployedAsync();
        var id = await StartAsync(admin, "REC-2");
        var taskId = await TaskIdAsync(admin, id);

        (await admin.PostJsonAsync($"/api/engine/process-instances/{id}/suspend", new { reason = "audit" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var instance = await (await admin.GetAsync($"/api/engine/process-instances/{id}")).JsonAsync();
        instance["suspended"]!.GetValue<bool>().Should().BeTrue();
        var staff = Client("sam", "Staff");
        var blocked = await staff.PostJsonAsync($"/api/engine/tasks/{taskId}/complete", new { variables = new { qualification = "complaint" } });
        blocked.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await blocked.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("suspended");

        (await admin.PostJsonAsync($"/api/engine/process-instances/{id}/activate", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await staff.PostJsonAsync($"/api/engine/tasks/{taskId}/complete", new { variables = new { qualification = "complaint" } }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var history = await HistoryAsync(admin, id);
        history.Should().Contain(h => h!["eventType"]!.GetValue<string>() == "ProcessSuspended" && h["userId"]!.GetValue<string>() == "olga");
        history.Should().Contain(h => h!["eventType"]!.GetValue<string>() == "ProcessActivated" && h["userId"]!.GetValue<string>() == "olga");
    }

    [Fact]
    public async Task Set_a_typed_variable_modify_and_cancel_each_leave_their_history_rows()
    {
        var admin = await DeployedAsync();
        var id = await StartAsync(admin, "REC-3");

        (await admin.PutAsJsonAsync($"/api/engine/process-instances/{id}/variables/promisedOn",
            new { value = "2026-04-01T12:00:00+02:00", type = "date" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var badType = await admin.PutAsJsonAsync($"/api/engine/process-instances/{id}/variables/amount", new { value = "ten", type = "long" });
        badType.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badType.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("amount").And.Contain("long");

        var tree = (await (await admin.GetAsync($"/api/engine/process-instances/{id}/activity-instances")).JsonAsync()).AsArray();
        var qualify = tree.Single(a => a!["activityId"]!.GetValue<string>() == "qualify")!["id"]!.GetValue<string>();
        (await admin.PostJsonAsync($"/api/engine/process-instances/{id}/modification", new
        {
            annotation = "skip qualification",
            instructions = new object[] { new { type = "startBeforeActivity", activityId = "answer" }, new { type = "cancel", activityInstanceId = qualify } },
        })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var instance = await (await admin.GetAsync($"/api/engine/process-instances/{id}")).JsonAsync();
        instance["activeActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("answer");
        var badInstruction = await admin.PostJsonAsync($"/api/engine/process-instances/{id}/modification",
            new { instructions = new[] { new { type = "jump", activityId = "end" } } });
        badInstruction.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        (await admin.PostJsonAsync($"/api/engine/process-instances/{id}/cancel", new { reason = "withdrawn by the client" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var noReason = await admin.PostJsonAsync($"/api/engine/process-instances/{await StartAsync(admin, "REC-4")}/cancel", new { });
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var history = await HistoryAsync(admin, id);
        bool Has(string type, string? details = null) => history.Any(h => h!["eventType"]!.GetValue<string>() == type
            && h["userId"]!.GetValue<string>() == "olga" && (details is null || h["details"]?.GetValue<string>() == details));
        Has("VariableSet").Should().BeTrue();
        Has("ProcessModified", "skip qualification").Should().BeTrue();
        Has("ProcessCancelled", "withdrawn by the client").Should().BeTrue();
    }

    [Fact]
    public async Task Messages_one_several_none_all_keys_and_buffered()
    {
        var admin = await DeployedAsync();
        var first = await StartAsync(admin, "REC-5");
        var second = await StartAsync(admin, "REC-6");
        foreach (var id in new[] { first, second })
        {
            await admin.PostJsonAsync($"/api/engine/process-instances/{id}/modification",
                new { instructions = new object[] { new { type = "startBeforeActivity", activityId = "answer" }, new { type = "cancel", activityId = "qualify" } } });
        }

        var several = await admin.PostJsonAsync("/api/engine/messages", new { messageName = "client-reply" });
        several.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await several.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("2");
        (await admin.PostJsonAsync("/api/engine/messages", new { messageName = "client-reply", businessKey = "REC-404" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        var one = await admin.PostJsonAsync("/api/engine/messages", new { messageName = "client-reply", businessKey = "REC-5" });
        one.StatusCode.Should().Be(HttpStatusCode.OK);
        (await one.JsonAsync())["processInstanceIds"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal(first);

        var buffered = await admin.PostJsonAsync("/api/engine/messages",
            new { messageName = "client-reply", businessKey = "REC-7", timeToLive = "PT1H", variables = new { satisfied = true } });
        buffered.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await buffered.JsonAsync())["buffered"]!.GetValue<bool>().Should().BeTrue();
        (await admin.PostJsonAsync("/api/engine/messages", new { messageName = "client-reply", timeToLive = "an hour" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var late = await StartAsync(admin, "REC-7");
        // Cancel first: the instance ends only if no token is left once every instruction ran.
        await admin.PostJsonAsync($"/api/engine/process-instances/{late}/modification",
            new { instructions = new object[] { new { type = "cancel", activityId = "qualify" }, new { type = "startBeforeActivity", activityId = "answer" } } });
        var delivered = await (await admin.GetAsync($"/api/engine/process-instances/{late}")).JsonAsync();
        delivered["state"]!.GetValue<string>().Should().Be("Completed");
        delivered["variables"]!["satisfied"]!.GetValue<bool>().Should().BeTrue();

        var all = await admin.PostJsonAsync("/api/engine/messages", new { messageName = "client-reply", all = true });
        (await all.JsonAsync())["correlated"]!.GetValue<int>().Should().Be(1, "only the second one still waits");
    }

    [Fact]
    public async Task Lists_are_paged_with_the_total_in_x_total_count_and_tasks_keep_skip_and_take()
    {
        var admin = await DeployedAsync();
        for (var i = 0; i < 3; i++) await StartAsync(admin, $"REC-1{i}");

        var page = await admin.GetAsync("/api/engine/tasks?candidateGroup=Staff&firstResult=1&maxResults=1");
        page.Headers.GetValues("X-Total-Count").Should().Equal("3");
        (await page.JsonAsync()).AsArray().Should().ContainSingle();
        var alias = await admin.GetAsync("/api/engine/tasks?candidateGroup=Staff&skip=2&take=5");
        (await alias.JsonAsync()).AsArray().Should().ContainSingle();
        var byKey = await admin.GetAsync("/api/engine/tasks?businessKey=REC-11");
        byKey.Headers.GetValues("X-Total-Count").Should().Equal("1");

        (await admin.GetAsync("/api/engine/jobs?maxResults=1")).Headers.GetValues("X-Total-Count").Should().Equal("0");
        (await admin.GetAsync("/api/engine/incidents?open=false")).Headers.GetValues("X-Total-Count").Should().Equal("0");
        (await admin.GetAsync("/api/engine/process-definitions")).Headers.GetValues("X-Total-Count").Should().Equal("1");
        (await Staff.GetAsync("/api/complaints")).Headers.GetValues("X-Total-Count").Should().Equal("0");
        (await admin.GetAsync("/api/complaints")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "an administrator does not read complaints");
        (await admin.GetAsync("/api/engine/tasks?maxResults=5000")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/engine/jobs?firstResult=-1")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task History_cleanup_is_reported_and_a_time_to_live_below_the_minimum_is_refused_at_deploy()
    {
        var admin = await DeployedAsync();
        var shortTtl = TestBpmn.Simple.Replace("<process id=\"simple\"", "<process id=\"simple\" camunda:historyTimeToLive=\"P7D\"");
        var refused = await admin.PostAsync("/api/engine/deployments", new StringContent(shortTtl, Encoding.UTF8, "application/xml"));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.JsonAsync())["errors"]!.AsArray().Should().Contain(e =>
            e!["elementId"]!.GetValue<string>() == "simple" && e["message"]!.GetValue<string>().Contains("MinimumHistoryTimeToLive"));

        var run = await (await admin.PostJsonAsync("/api/engine/history/cleanup", new { })).JsonAsync();
        run["trigger"]!.GetValue<string>().Should().Be("manual");
        var report = await (await admin.GetAsync("/api/engine/history/cleanup")).JsonAsync();
        report["window"]!.GetValue<string>().Should().Be("01:00-05:00");
        report["lastRuns"]!.AsArray().Should().ContainSingle().Which!["userId"]!.GetValue<string>().Should().Be("olga");
    }
}
