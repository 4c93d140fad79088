using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>The latest version per key is remembered for a moment: this node's own deployment is seen at once, another
/// node's within <see cref="DefinitionCache.LatestLifetimeMs"/>.</summary>
public sealed class LatestDefinitionCacheTests
{
    private static string Version(string task) => Process("p", $"""
        <startEvent id="s" />
        <userTask id="{task}" />
        """ + Chain("s", task));

    [Fact]
    public async Task Own_deployment_is_started_at_once()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Version("a"));
        (await h.StartAsync("p")).DefinitionVersion.Should().Be(1);
        await h.DeployAsync(Version("b"));
        (await h.StartAsync("p")).DefinitionVersion.Should().Be(2);
    }

    [Fact]
    public async Task Another_nodes_deployment_is_started_after_the_lifetime_at_most()
    {
        await using var h = await EngineHarness.StartAsync();
        await using var node2 = h.OpenSecondNode();
        await h.DeployAsync(Version("a"));
        (await h.StartAsync("p")).DefinitionVersion.Should().Be(1);

        await node2.Engine.DeployAsync([new BpmnResource("p.bpmn", Version("b"))]);
        await Task.Delay(TimeSpan.FromMilliseconds(DefinitionCache.LatestLifetimeMs + 100));

        (await h.StartAsync("p")).DefinitionVersion.Should().Be(2);
    }

    [Fact]
    public async Task A_key_deployed_by_another_node_after_a_miss_is_found_at_once()
    {
        await using var h = await EngineHarness.StartAsync();
        await using var node2 = h.OpenSecondNode();
        await FluentActions.Awaiting(() => h.StartAsync("p")).Should().ThrowAsync<NotFoundException>();

        await node2.Engine.DeployAsync([new BpmnResource("p.bpmn", Version("a"))]);

        (await h.StartAsync("p")).DefinitionVersion.Should().Be(1);
    }
}
