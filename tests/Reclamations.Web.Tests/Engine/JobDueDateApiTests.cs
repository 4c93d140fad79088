using System.Net;
using System.Net.Http.Json;
using System.Text;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Engine;

/// <summary><c>PUT /api/engine/jobs/{id}/due-date</c>: an operator operation, audited; <c>POST .../retry</c> only for a failed job.</summary>
public sealed class JobDueDateApiTests : IDisposable
{
    private readonly WebHost _host = new();

    public void Dispose()
    {
        _host.Dispose();
        WebHost.DeleteFolder(_host.Folder);
    }

    private static HttpRequestMessage Put(string url, object body) =>
        new(HttpMethod.Put, url) { Content = JsonContent.Create(body) };

    /// <summary>An instance of the simple process waiting on its 10-day timer; returns the client, instance and job ids.</summary>
    private async Task<(HttpClient Client, string Instance, string Job)> WaitingOnTimerAsync()
    {
        var client = _host.ClientAs("accueil", "Staff");
        (await _host.ClientAs("owner", "ProcessOwner").PostAsync("/api/engine/deployments", new StringContent(TestBpmn.Simple, Encoding.UTF8, "application/xml")))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var started = await (await client.PostJsonAsync("/api/engine/process-definitions/simple/start", new { businessKey = "REC-1" })).JsonAsync();
        var instance = started["id"]!.GetValue<string>();
        var task = (await (await client.GetAsync($"/api/engine/tasks?processInstanceId={instance}")).JsonAsync()).AsArray().Single()!;
        (await client.PostJsonAsync($"/api/engine/tasks/{task["id"]}/complete",
            new { variables = new { qualification = "complaint" } })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var job = (await (await client.GetAsync($"/api/engine/jobs?processInstanceId={instance}")).JsonAsync()).AsArray().Single()!;
        return (client, instance, job["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_moves_a_timer_and_the_history_names_them()
    {
        var (client, instance, job) = await WaitingOnTimerAsync();

        var moved = await _host.ClientAs("marie", "Admin").SendAsync(Put($"/api/engine/jobs/{job}/due-date", new { dueDate = "2030-01-15T09:00:00+01:00" }));

        moved.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var jobs = (await (await client.GetAsync($"/api/engine/jobs?processInstanceId={instance}")).JsonAsync()).AsArray();
        DateTimeOffset.Parse(jobs.Single()!["dueAt"]!.GetValue<string>()).Should().Be(new DateTimeOffset(2030, 1, 15, 8, 0, 0, TimeSpan.Zero));
        var history = (await (await client.GetAsync($"/api/engine/process-instances/{instance}/history")).JsonAsync()).AsArray();
        history.Should().ContainSingle(h => h!["eventType"]!.GetValue<string>() == "JobDueDateChanged")
            .Which!["userId"]!.GetValue<string>().Should().Be("marie");
    }

    [Fact]
    public async Task Someone_else_is_forbidden_an_unknown_job_is_not_found_and_a_bad_date_is_named()
    {
        var (client, instance, job) = await WaitingOnTimerAsync();

        var forbidden = await _host.ClientAs("jean", "Staff").SendAsync(Put($"/api/engine/jobs/{job}/due-date", new { dueDate = "2030-01-15T09:00:00Z" }));
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await forbidden.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("operator");
        (await _host.ClientAs("marie", "Admin").SendAsync(Put($"/api/engine/jobs/{Guid.NewGuid()}/due-date", new { dueDate = "2030-01-15T09:00:00Z" })))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        var bad = await _host.ClientAs("marie", "Admin").SendAsync(Put($"/api/engine/jobs/{job}/due-date", new { dueDate = "next monday" }));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("dueDate").And.Contain("next monday");

        var history = (await (await client.GetAsync($"/api/engine/process-instances/{instance}/history")).JsonAsync()).AsArray();
        history.Should().NotContain(h => h!["eventType"]!.GetValue<string>() == "JobDueDateChanged");
    }

    [Fact]
    public async Task Retrying_a_job_that_has_not_failed_is_a_conflict()
    {
        var (client, _, job) = await WaitingOnTimerAsync();

        (await client.PostJsonAsync($"/api/engine/jobs/{job}/retry", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var retry = await _host.ClientAs("olga", "Admin").PostJsonAsync($"/api/engine/jobs/{job}/retry", new { });

        retry.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await retry.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("no open incident");
    }
}
