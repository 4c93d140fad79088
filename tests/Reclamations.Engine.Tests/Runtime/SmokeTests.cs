using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_user_task_waits_and_completing_it_ends_the_instance()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t" name="Do it" camunda:candidateGroups="Staff"><extensionElements><camunda:formData><camunda:formField id="done" type="boolean" /></camunda:formData></extensionElements></userTask>
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <endEvent id="e" />
            """ + Chain("s", "t", "w", "e")));
        var started = await h.StartAsync("p", Vars.Of(("amount", 12L)));
        started.State.Should().Be("Active");
        started.ActiveActivityIds.Should().Equal("t");
        var task = await h.SingleTaskAsync(started.Id);
        task.CandidateGroups.Should().Equal("Staff");

        await h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("done", true)), new Actor("alice", ["Staff"]));

        var ended = await h.InstanceAsync(started.Id);
        ended.State.Should().Be("Completed");
        ended.Variables.Should().Contain("done", true).And.Contain("amount", 12L);
        h.Script.CallsTo("work").Should().Be(1);
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "t", "w", "e");
    }
}
