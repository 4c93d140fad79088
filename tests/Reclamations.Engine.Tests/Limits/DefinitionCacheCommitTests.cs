using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Limits;

public sealed class DefinitionCacheCommitTests
{
    private static string V1 => Process("p", """
        <startEvent id="s" />
        <userTask id="task_v1" />
        """ + Chain("s", "task_v1"));

    /// <summary>Version 2 as first tried: a timer start event whose date expression fails while the deployment's
    /// transaction is open, so the deployment rolls back after the model was built.</summary>
    private static string FailingV2 => Process("p", $"""
        <startEvent id="s" />
        <userTask id="task_rolled_back" />
        <startEvent id="timer_start">{Timer("timeDate", "${ boom() }")}</startEvent>
        <endEvent id="timer_end" />
        """ + Chain("s", "task_rolled_back") + Chain("timer_start", "timer_end"));

    private static string V2 => Process("p", """
        <startEvent id="s" />
        <userTask id="task_v2" />
        """ + Chain("s", "task_v2"));

    [Fact]
    public async Task A_deployment_that_rolls_back_leaves_no_model_behind_for_the_version_id_another_node_then_deploys()
    {
        await using var h = await EngineHarness.StartAsync(b =>
            b.AddFunction("boom", new Func<string>(() => throw new InvalidOperationException("no date today"))));
        await h.DeployAsync(V1);

        await h.Invoking(x => x.DeployAsync(FailingV2)).Should().ThrowAsync<ProcessEngineException>().WithMessage("*timer_start*");
        (await h.Engine.GetProcessDefinitionsAsync(latestOnly: false)).Should().ContainSingle().Which.Version.Should().Be(1);

        await using (var other = h.OpenSecondNode())
        {
            var v2 = (await other.Engine.DeployAsync([new BpmnResource("test.bpmn", V2)])).Single();
            v2.Id.Should().Be("p:2");
        }
        var instance = await h.StartAsync("p");

        instance.DefinitionVersion.Should().Be(2);
        instance.ActiveActivityIds.Should().Equal("task_v2");
    }
}
