using System.Net;
using System.Text;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Engine;

public sealed class ClockAndRestartTests
{
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Testing", false)]
    public async Task The_clock_routes_answer_404_unless_a_manual_clock_runs_in_Development_or_Testing(string environment, bool manual)
    {
        using var host = new WebHost(manualClock: manual, environment: environment);
        try
        {
            var client = host.ClientAs("olga", "Admin");
            (await client.GetAsync("/api/engine/clock")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await client.PostJsonAsync("/api/engine/clock/advance", new { duration = "P1D" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
        finally
        {
            host.Dispose();
            WebHost.DeleteFolder(host.Folder);
        }
    }

    [Fact]
    public async Task After_a_restart_on_the_same_file_workflows_are_redeployed_unchanged_the_task_is_there_and_the_timer_fires()
    {
        var first = new WebHost();
        var folder = first.Folder;
        await File.WriteAllTextAsync(Path.Combine(first.WorkflowsFolder, "simple.bpmn"), TestBpmn.Simple);
        try
        {
            string id;
            using (first)
            {
                var client = first.ClientAs("alice", "Staff");
                var start = await client.PostJsonAsync("/api/engine/process-definitions/simple/start", new { businessKey = "REC-1" });
                id = (await start.JsonAsync())["id"]!.GetValue<string>();
                var task = (await (await client.GetAsync($"/api/engine/tasks?processInstanceId={id}")).JsonAsync())[0]!;
                (await client.PostJsonAsync($"/api/engine/tasks/{task["id"]}/complete", new { variables = new { qualification = "complaint" } }))
                    .StatusCode.Should().Be(HttpStatusCode.NoContent);
            }

            using var second = new WebHost(folder);
            var again = second.ClientAs("alice", "Staff");
            var definitions = await (await again.GetAsync("/api/engine/process-definitions")).JsonAsync();
            definitions.AsArray().Should().ContainSingle(d => d!["key"]!.GetValue<string>() == "simple" && d["version"]!.GetValue<int>() == 1);
            var instance = await (await again.GetAsync($"/api/engine/process-instances/{id}")).JsonAsync();
            instance["activeActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("wait");

            // The new host's manual clock starts at its own "now"; the timer was due 10 days after the first host's.
            var advanced = await (await again.PostJsonAsync("/api/engine/clock/advance", new { duration = "P10D" })).JsonAsync();
            advanced["jobsExecuted"]!.GetValue<int>().Should().Be(1);
            // Tasks are shown to their candidates (Staff) only.
            var tasks = await (await second.ClientAs("alice", "Staff").GetAsync($"/api/engine/tasks?processInstanceId={id}")).JsonAsync();
            tasks.AsArray().Should().ContainSingle(t => t!["taskDefinitionKey"]!.GetValue<string>() == "answer");
        }
        finally
        {
            WebHost.DeleteFolder(folder);
        }
    }
}
