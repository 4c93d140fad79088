using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Each version records who deployed it and why (the studio's version list).</summary>
public sealed class DeploymentAuthorTests
{
    private static readonly Actor Owner = new("paul", ["ProcessOwner"]);

    [Fact]
    public async Task A_version_deployed_through_the_api_names_its_deployer_and_comment_and_the_history_says_who()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", "<startEvent id=\"s\" /><userTask id=\"a\" /><endEvent id=\"e\" />" + Chain("s", "a", "e")));
        var changed = Process("p", "<startEvent id=\"s\" /><userTask id=\"b\" /><endEvent id=\"e\" />" + Chain("s", "b", "e"));

        var deployed = await h.Engine.DeployAsync([new BpmnResource("p.bpmn", changed)], Owner, "  Étape renommée.  ");

        deployed.Single().Version.Should().Be(2);
        var versions = await h.Engine.GetProcessDefinitionsAsync(latestOnly: false);
        versions.Single(v => v.Version == 2).Should().Match<ProcessDefinitionInfo>(v => v.DeployedBy == "paul" && v.Comment == "Étape renommée.");
        versions.Single(v => v.Version == 1).DeployedBy.Should().Be("system");
        await FluentActions.Awaiting(() => h.Engine.DeployAsync([new BpmnResource("p.bpmn", changed)], Owner, new string('x', 2001)))
            .Should().ThrowAsync<RejectedException>().WithMessage("comment*");
    }
}
