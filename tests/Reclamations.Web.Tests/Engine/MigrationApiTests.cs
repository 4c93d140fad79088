using System.Net;
using System.Text;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Engine;

/// <summary>The migration routes over HTTP: generate a plan between two versions, validate it, execute it.</summary>
public sealed class MigrationApiTests : IDisposable
{
    private readonly WebHost _host = new();

    public void Dispose()
    {
        _host.Dispose();
        WebHost.DeleteFolder(_host.Folder);
    }

    [Fact]
    public async Task An_operator_moves_an_instance_of_version_1_onto_version_2_and_another_role_is_refused()
    {
        var admin = _host.ClientAs("olga", "Admin");
        async Task<string> DeployAsync(string xml)
        {
            var deployed = await admin.PostAsync("/api/engine/deployments", new StringContent(xml, Encoding.UTF8, "application/xml"));
            deployed.StatusCode.Should().Be(HttpStatusCode.Created, await deployed.Content.ReadAsStringAsync());
            return (await deployed.JsonAsync())["processDefinitions"]![0]!["id"]!.GetValue<string>();
        }
        var v1 = await DeployAsync(TestBpmn.Simple);
        var start = await admin.PostJsonAsync("/api/engine/process-definitions/simple/start", new { businessKey = "REC-1" });
        var id = (await start.JsonAsync())["id"]!.GetValue<string>();
        var v2 = await DeployAsync(TestBpmn.Simple.Replace("name=\"Qualifier\"", "name=\"Qualifier la demande\""));

        var plan = await (await admin.PostJsonAsync("/api/engine/migration/generate",
            new { sourceProcessDefinitionId = v1, targetProcessDefinitionId = v2 })).JsonAsync();
        plan["instructions"]!.AsArray().Should().Contain(i => i!["sourceActivityId"]!.GetValue<string>() == "qualify");
        var staff = _host.ClientAs("sam", "Staff");
        (await staff.PostJsonAsync("/api/engine/migration/execute", new { migrationPlan = plan, processInstanceIds = new[] { id } }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var validation = await (await admin.PostJsonAsync("/api/engine/migration/validate",
            new { migrationPlan = plan, processInstanceIds = new[] { id } })).JsonAsync();
        validation[0]!["problems"]!.AsArray().Should().BeEmpty();
        var executed = await admin.PostJsonAsync("/api/engine/migration/execute", new { migrationPlan = plan, processInstanceIds = new[] { id } });

        executed.StatusCode.Should().Be(HttpStatusCode.OK, await executed.Content.ReadAsStringAsync());
        (await executed.JsonAsync())[0]!["migrated"]!.GetValue<bool>().Should().BeTrue();
        (await (await admin.GetAsync($"/api/engine/process-instances/{id}")).JsonAsync())["definitionVersion"]!.GetValue<int>().Should().Be(2);
    }
}
