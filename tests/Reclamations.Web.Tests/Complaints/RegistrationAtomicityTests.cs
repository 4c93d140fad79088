using System.Net;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Complaints;

public sealed class RegistrationAtomicityTests
{
    [Fact]
    public async Task A_complaint_is_not_registered_when_its_workflow_cannot_start()
    {
        // No workflow deployed: the start fails, and the complaint and its reference number must not be kept either.
        using var host = new WebHost();
        try
        {
            var client = host.ClientAs("staff.user", "Staff");
            var now = (await (await client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();
            var response = await client.PostJsonAsync("/api/complaints", ComplaintRequests.New("FR-ACPR", now));
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("complaint-handling");
            (await (await client.GetAsync("/api/complaints")).JsonAsync()).AsArray().Should().BeEmpty();

            var workflows = RepoFolders.Find("workflows");
            foreach (var file in Directory.GetFiles(workflows, "*.bpmn"))
            {
                var deployed = await host.ClientAs("owner", "ProcessOwner").PostAsync("/api/engine/deployments",
                    new StringContent(await File.ReadAllTextAsync(file), System.Text.Encoding.UTF8, "application/xml"));
                deployed.StatusCode.Should().Be(HttpStatusCode.Created);
            }
            var created = await (await client.PostJsonAsync("/api/complaints", ComplaintRequests.New("FR-ACPR", now))).JsonAsync();
            created["reference"]!.GetValue<string>().Should().EndWith("-00001", "the failed attempt did not consume a number");
            created["processInstanceId"].Should().NotBeNull();
        }
        finally
        {
            host.Dispose();
            WebHost.DeleteFolder(host.Folder);
        }
    }
}
