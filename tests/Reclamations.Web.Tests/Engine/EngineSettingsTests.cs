using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Engine;

public sealed class EngineSettingsTests
{
    [Fact]
    public void The_job_executor_settings_come_from_the_engine_section()
    {
        using var host = new WebHost(settings: new Dictionary<string, string?>
        {
            ["Engine:NodeId"] = "node-a",
            ["Engine:LockDuration"] = "PT2M",
            ["Engine:JobPollInterval"] = "00:00:10",
            ["Engine:MinimumCyclePeriod"] = "PT5M",
            ["Engine:OperatorGroups:0"] = "Admin",
            ["Engine:OperatorGroups:1"] = "Ops",
        });
        try
        {
            var options = host.Services.GetRequiredService<IOptions<EngineOptions>>().Value;

            options.NodeId.Should().Be("node-a");
            options.LockDuration.Should().Be(TimeSpan.FromMinutes(2));
            options.JobPollInterval.Should().Be(TimeSpan.FromSeconds(10));
            options.MinimumCyclePeriod.Should().Be(TimeSpan.FromMinutes(5));
            options.OperatorGroups.Should().Equal("Admin", "Ops");
        }
        finally
        {
            host.Dispose();
            WebHost.DeleteFolder(host.Folder);
        }
    }

    [Fact]
    public void Without_a_node_id_the_host_name_and_content_root_make_it()
    {
        using var host = new WebHost();
        try
        {
            var options = host.Services.GetRequiredService<IOptions<EngineOptions>>().Value;
            var environment = host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostEnvironment>();

            options.NodeId.Should().Be(NodeIdentity.Default(environment.ContentRootPath));
            options.OperatorGroups.Should().Equal("Admin");
        }
        finally
        {
            host.Dispose();
            WebHost.DeleteFolder(host.Folder);
        }
    }
}
