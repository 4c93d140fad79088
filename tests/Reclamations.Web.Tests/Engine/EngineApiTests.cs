using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Engine;

public sealed class EngineApiTests : IDisposable
{
    private readonly WebHost _host = new();

    public void Dispose()
    {
        _host.Dispose();
        WebHost.DeleteFolder(_host.Folder);
    }

    private async Task<HttpClient> ClientWithSimpleProcessAsync()
    {
        var client = _host.ClientAs("alice", "Staff");
        var response = await _host.ClientAs("owner", "ProcessOwner").PostAsync("/api/engine/deployments", new StringContent(TestBpmn.Simple, Encoding.UTF8, "application/xml"));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await response.JsonAsync();
        body["processDefinitions"]![0]!["key"]!.GetValue<string>().Should().Be("simple");
        body["processDefinitions"]![0]!["version"]!.GetValue<int>().Should().Be(1);
        return client;
    }

    [Fact]
    public async Task Deploying_the_same_file_twice_keeps_version_1_and_a_changed_file_makes_version_2()
    {
        var client = await ClientWithSimpleProcessAsync();
        var again = await (await _host.ClientAs("owner", "ProcessOwner").PostAsync("/api/engine/deployments", new StringContent(TestBpmn.Simple, Encoding.UTF8, "application/xml"))).JsonAsync();
        again["processDefinitions"]![0]!["version"]!.GetValue<int>().Should().Be(1);

        var changed = TestBpmn.Simple.Replace("name=\"Simple\"", "name=\"Simple v2\"");
        var multipart = new MultipartFormDataContent();
        var file = new StringContent(changed, Encoding.UTF8);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        multipart.Add(file, "files", "simple.bpmn");
        var response = await _host.ClientAs("owner", "ProcessOwner").PostAsync("/api/engine/deployments", multipart);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.JsonAsync())["processDefinitions"]![0]!["version"]!.GetValue<int>().Should().Be(2);

        var xml = await client.GetStringAsync("/api/engine/process-definitions/simple/xml");
        xml.Should().Contain("Simple v2");
        var definitions = await (await client.GetAsync("/api/engine/process-definitions")).JsonAsync();
        definitions.AsArray().Should().ContainSingle(d => d!["key"]!.GetValue<string>() == "simple" && d["version"]!.GetValue<int>() == 2);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_the_element_id_and_nothing_is_deployed()
    {
        var client = _host.ClientAs("owner", "ProcessOwner");
        var invalid = TestBpmn.Simple.Replace("""<intermediateCatchEvent id="wait">""", """<complexGateway id="gw" /><intermediateCatchEvent id="wait">""");
        var response = await _host.ClientAs("owner", "ProcessOwner").PostAsync("/api/engine/deployments", new StringContent(invalid, Encoding.UTF8, "application/xml"));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.JsonAsync();
        problem["errors"]!.AsArray().Should().Contain(e => e!["elementId"]!.GetValue<string>() == "gw");
        var definitions = await (await client.GetAsync("/api/engine/process-definitions")).JsonAsync();
        definitions.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_process_runs_through_tasks_form_validation_the_clock_and_a_conflict()
    {
        var client = await ClientWithSimpleProcessAsync();
        var start = await client.PostJsonAsync("/api/engine/process-definitions/simple/start",
            new { businessKey = "REC-2026-00001", variables = new { amount = 150, complainant = new { name = "Mme Durand" } } });
        start.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await start.JsonAsync())["id"]!.GetValue<string>();

        var tasks = await (await client.GetAsync($"/api/engine/tasks?candidateGroup=Staff&processInstanceId={id}")).JsonAsync();
        var task = tasks.AsArray().Should().ContainSingle().Subject!;
        task["taskDefinitionKey"]!.GetValue<string>().Should().Be("qualify");
        task["formFields"]![0]!["id"]!.GetValue<string>().Should().Be("qualification");
        task["formFields"]![0]!["required"]!.GetValue<bool>().Should().BeTrue();
        var taskId = task["id"]!.GetValue<string>();

        using var bob = _host.ClientAs("bob", "Staff");
        (await client.PostAsync($"/api/engine/tasks/{taskId}/claim", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await bob.PostAsync($"/api/engine/tasks/{taskId}/claim", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var invalid = await client.PostJsonAsync($"/api/engine/tasks/{taskId}/complete", new { variables = new { qualification = "maybe" } });
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.JsonAsync())["errors"]![0]!["field"]!.GetValue<string>().Should().Be("qualification");

        var done = await client.PostJsonAsync($"/api/engine/tasks/{taskId}/complete", new { variables = new { qualification = "complaint" } });
        done.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.PostJsonAsync($"/api/engine/tasks/{taskId}/complete", new { variables = new { qualification = "complaint" } }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);

        var instance = await (await client.GetAsync($"/api/engine/process-instances/{id}")).JsonAsync();
        instance["activeActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("wait");
        instance["businessKey"]!.GetValue<string>().Should().Be("REC-2026-00001");
        instance["variables"]!["complainant"]!["name"]!.GetValue<string>().Should().Be("Mme Durand");
        instance["variables"]!["amount"]!.GetValue<long>().Should().Be(150);

        var before = (await (await client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();
        var early = await (await client.PostJsonAsync("/api/engine/clock/advance", new { duration = "P9D" })).JsonAsync();
        early["jobsExecuted"]!.GetValue<int>().Should().Be(0);
        var late = await (await client.PostJsonAsync("/api/engine/clock/advance", new { duration = "P1D" })).JsonAsync();
        late["jobsExecuted"]!.GetValue<int>().Should().Be(1);
        late["now"]!.GetValue<DateTimeOffset>().Should().Be(before.AddDays(10));

        instance = await (await client.GetAsync($"/api/engine/process-instances/{id}")).JsonAsync();
        instance["activeActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("answer");

        var reply = await client.PostJsonAsync("/api/engine/messages", new { messageName = "client-reply", businessKey = "REC-2026-00001", variables = new { satisfied = true } });
        reply.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reply.JsonAsync())["correlated"]!.GetValue<int>().Should().Be(1);
        instance = await (await client.GetAsync($"/api/engine/process-instances/{id}")).JsonAsync();
        instance["state"]!.GetValue<string>().Should().Be("Completed");
        instance["variables"]!["satisfied"]!.GetValue<bool>().Should().BeTrue();

        var nobody = await client.PostJsonAsync("/api/engine/messages", new { messageName = "client-reply", businessKey = "REC-2026-00001" });
        nobody.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await nobody.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("client-reply");

        var history = await (await client.GetAsync($"/api/engine/process-instances/{id}/history")).JsonAsync();
        history.AsArray().Should().Contain(h => h!["eventType"]!.GetValue<string>() == "TaskCompleted" && h["userId"]!.GetValue<string>() == "alice");
    }

    [Fact]
    public async Task Unknown_ids_and_bad_input_are_problem_details()
    {
        var client = await ClientWithSimpleProcessAsync();
        (await client.GetAsync($"/api/engine/process-instances/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostJsonAsync("/api/engine/process-definitions/nope/start", new { })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var badDuration = await client.PostJsonAsync("/api/engine/clock/advance", new { duration = "ten days" });
        badDuration.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badDuration.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("ten days");
        var admin = _host.ClientAs("olga", "Admin");
        (await admin.PostJsonAsync($"/api/engine/jobs/{Guid.NewGuid()}/retry", new { })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostJsonAsync($"/api/engine/jobs/{Guid.NewGuid()}/retry", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/engine/incidents")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
