using System.Net;
using System.Text;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Engine;

/// <summary>The engine's authorisation rules seen through the REST API: the acting user is the request's (headers until sign-in
/// exists), never a field of the body; a refusal is a 403 problem details and changes nothing.</summary>
public sealed class EngineAuthorizationApiTests : IDisposable
{
    private readonly WebHost _host = new();

    public void Dispose()
    {
        _host.Dispose();
        WebHost.DeleteFolder(_host.Folder);
    }

    private async Task<(HttpClient Staff, string InstanceId, string TaskId)> StartSimpleAsync()
    {
        var staff = _host.ClientAs("alice", "Staff");
        (await _host.ClientAs("owner", "ProcessOwner").PostAsync("/api/engine/deployments", new StringContent(TestBpmn.Simple, Encoding.UTF8, "application/xml")))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var start = await staff.PostJsonAsync("/api/engine/process-definitions/simple/start", new { businessKey = "REC-1" });
        start.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await start.JsonAsync())["id"]!.GetValue<string>();
        var task = (await (await staff.GetAsync($"/api/engine/tasks?processInstanceId={id}")).JsonAsync())[0]!;
        return (staff, id, task["id"]!.GetValue<string>());
    }

    private static async Task ShouldBeForbiddenAsync(HttpResponseMessage response, string actor)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.JsonAsync();
        problem["status"]!.GetValue<int>().Should().Be(403);
        problem["title"]!.GetValue<string>().Should().Be("Forbidden");
        problem["detail"]!.GetValue<string>().Should().StartWith($"'{actor}' may not");
    }

    [Fact]
    public async Task A_stranger_gets_403_problem_details_on_claim_complete_and_unclaim_and_nothing_changes()
    {
        var (staff, id, taskId) = await StartSimpleAsync();
        using var stranger = _host.ClientAs("eve", "Accounting");
        var historyBefore = (await (await staff.GetAsync($"/api/engine/process-instances/{id}/history")).JsonAsync()).AsArray().Count;

        await ShouldBeForbiddenAsync(await stranger.PostAsync($"/api/engine/tasks/{taskId}/claim", null), "eve");
        await ShouldBeForbiddenAsync(await stranger.PostJsonAsync($"/api/engine/tasks/{taskId}/complete",
            new { variables = new { qualification = "complaint" } }), "eve");
        (await staff.PostAsync($"/api/engine/tasks/{taskId}/claim", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await ShouldBeForbiddenAsync(await stranger.PostAsync($"/api/engine/tasks/{taskId}/unclaim", null), "eve");
        await ShouldBeForbiddenAsync(await stranger.PostJsonAsync($"/api/engine/tasks/{taskId}/assignee", new { assignee = "eve" }), "eve");

        var task = await (await staff.GetAsync($"/api/engine/tasks/{taskId}")).JsonAsync();
        task["assignee"]!.GetValue<string>().Should().Be("alice");
        var history = (await (await staff.GetAsync($"/api/engine/process-instances/{id}/history")).JsonAsync()).AsArray();
        history.Should().HaveCount(historyBefore + 1, "only alice's claim was recorded");
        history.Should().NotContain(h => h!["userId"]!.GetValue<string>() == "eve");
    }

    [Fact]
    public async Task A_user_id_in_the_body_does_not_name_the_actor()
    {
        var (staff, id, taskId) = await StartSimpleAsync();
        using var stranger = _host.ClientAs("eve");

        await ShouldBeForbiddenAsync(await stranger.PostJsonAsync($"/api/engine/tasks/{taskId}/claim", new { userId = "alice" }), "eve");
        await ShouldBeForbiddenAsync(await stranger.PostJsonAsync($"/api/engine/tasks/{taskId}/complete",
            new { variables = new { qualification = "complaint" }, userId = "alice" }), "eve");

        (await (await staff.GetAsync($"/api/engine/tasks/{taskId}")).JsonAsync())["assignee"].Should().BeNull();
        (await (await staff.GetAsync($"/api/engine/process-instances/{id}")).JsonAsync())["activeActivityIds"]![0]!.GetValue<string>()
            .Should().Be("qualify");
    }

    [Fact]
    public async Task No_account_acts_as_the_engine()
    {
        var (staff, _, _) = await StartSimpleAsync();
        using var impostor = _host.ClientAs("system", "Staff");

        var start = await impostor.PostJsonAsync("/api/engine/process-definitions/simple/start", new { businessKey = "REC-2" });

        start.StatusCode.Should().Be(HttpStatusCode.Forbidden, "an account whose id is the engine's acts as anonymous, who holds no role");
        var history = (await (await staff.GetAsync("/api/engine/tasks?businessKey=REC-2")).JsonAsync()).AsArray();
        history.Should().BeEmpty();
    }

    [Fact]
    public async Task Start_and_messages_are_refused_to_who_may_not_and_a_forged_variable_is_a_400_naming_it()
    {
        var (staff, id, taskId) = await StartSimpleAsync();
        using var anonymous = _host.CreateClient();
        (await anonymous.PostJsonAsync("/api/engine/process-definitions/simple/start", new { businessKey = "REC-2" }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized, "nobody signed in");
        using var noRole = _host.ClientAs("nora");

        await ShouldBeForbiddenAsync(await noRole.PostJsonAsync("/api/engine/process-definitions/simple/start", new { businessKey = "REC-2" }),
            "nora");
        await ShouldBeForbiddenAsync(await noRole.PostJsonAsync("/api/engine/messages",
            new { messageName = "client-reply", businessKey = "REC-1", variables = new { satisfied = true } }), "nora");

        var forged = await staff.PostJsonAsync($"/api/engine/tasks/{taskId}/complete",
            new { variables = new { qualification = "complaint", approvedByDirection = true } });
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await forged.JsonAsync())["errors"]!.AsArray().Should().ContainSingle()
            .Which!["field"]!.GetValue<string>().Should().Be("approvedByDirection");
        var instance = await (await staff.GetAsync($"/api/engine/process-instances/{id}")).JsonAsync();
        instance["variables"]!.AsObject().Should().NotContainKey("approvedByDirection").And.NotContainKey("qualification");
    }

    [Fact]
    public async Task A_supervisor_reassigns_and_a_delegated_task_returns_to_its_owner_through_the_api()
    {
        var (staff, id, taskId) = await StartSimpleAsync();
        using var officer = _host.ClientAs("olivia", "ComplaintsOfficer");
        using var bob = _host.ClientAs("bob", "Staff");
        (await staff.PostAsync($"/api/engine/tasks/{taskId}/claim", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await officer.PostJsonAsync($"/api/engine/tasks/{taskId}/assignee", new { assignee = "bob" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await bob.PostJsonAsync($"/api/engine/tasks/{taskId}/delegate", new { @delegate = "carol" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var delegated = await (await staff.GetAsync($"/api/engine/tasks/{taskId}")).JsonAsync();
        (delegated["assignee"]!.GetValue<string>(), delegated["owner"]!.GetValue<string>(), delegated["delegationState"]!.GetValue<string>())
            .Should().Be(("carol", "bob", "PENDING"));

        using var carol = _host.ClientAs("carol");
        (await carol.PostJsonAsync($"/api/engine/tasks/{taskId}/resolve", new { variables = new { qualification = "complaint" } }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var resolved = await (await staff.GetAsync($"/api/engine/tasks/{taskId}")).JsonAsync();
        (resolved["assignee"]!.GetValue<string>(), resolved["delegationState"]!.GetValue<string>()).Should().Be(("bob", "RESOLVED"));
        (await bob.PostJsonAsync($"/api/engine/tasks/{taskId}/complete", new { })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var history = (await (await staff.GetAsync($"/api/engine/process-instances/{id}/history")).JsonAsync()).AsArray()
            .Select(h => (h!["eventType"]!.GetValue<string>(), h["userId"]!.GetValue<string>())).ToList();
        history.Should().ContainInOrder(("TaskClaimed", "alice"), ("TaskAssigned", "olivia"), ("TaskDelegated", "bob"),
            ("TaskResolved", "carol"), ("TaskCompleted", "bob"));
    }
}
