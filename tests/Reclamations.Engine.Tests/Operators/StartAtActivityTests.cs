using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Operators;

/// <summary>Starting an instance at chosen activities (Camunda 7's startBeforeActivity on instantiation), as a reopened
/// complaint does.</summary>
public sealed class StartAtActivityTests
{
    /// <summary>s → a → fork → (b | sub: si → inner → se) → join → c → e.</summary>
    private static readonly string Forked = Process("p", """
        <startEvent id="s" />
        <userTask id="a" name="a" />
        <parallelGateway id="fork" />
        <userTask id="b" name="b" />
        <subProcess id="sub">
          <startEvent id="si" /><userTask id="inner" name="inner" /><endEvent id="se" />
          <sequenceFlow id="f_si" sourceRef="si" targetRef="inner" /><sequenceFlow id="f_inner" sourceRef="inner" targetRef="se" />
        </subProcess>
        <parallelGateway id="join" />
        <userTask id="c" name="c" />
        <endEvent id="e" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="a" />
        <sequenceFlow id="f2" sourceRef="a" targetRef="fork" />
        <sequenceFlow id="f3" sourceRef="fork" targetRef="b" />
        <sequenceFlow id="f4" sourceRef="fork" targetRef="sub" />
        <sequenceFlow id="f5" sourceRef="b" targetRef="join" />
        <sequenceFlow id="f6" sourceRef="sub" targetRef="join" />
        <sequenceFlow id="f7" sourceRef="join" targetRef="c" />
        <sequenceFlow id="f8" sourceRef="c" targetRef="e" />
        """);

    [Fact]
    public async Task An_instance_started_after_one_branch_and_before_the_other_joins_and_runs_on()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Forked);
        var wrote = false;

        var started = await h.Engine.StartProcessAtAsync("p",
            [new(ModificationKind.StartAfterActivity, "b"), new(ModificationKind.StartBeforeActivity, "sub")],
            _ => { wrote = true; return Task.FromResult(new ProcessStart("REC-1", new Dictionary<string, object?> { ["x"] = 1 })); },
            null, Actor.System);

        wrote.Should().BeTrue();
        (await h.InstanceAsync(started.Id)).BusinessKey.Should().Be("REC-1");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("inner", "a was skipped, b counts as done");
        await h.CompleteAsync(started.Id, "inner");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("c");
        (await h.HistoryAsync(started.Id, "ActivityStarted")).Should().NotContain("a").And.NotContain("s");
    }

    [Fact]
    public async Task An_unknown_element_or_a_cancel_refuses_the_whole_start_and_the_callers_writes()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Forked);

        await h.Engine.Invoking(e => e.StartProcessAtAsync("p", [new(ModificationKind.StartBeforeActivity, "nope")],
                _ => Task.FromResult(new ProcessStart("REC-2", null)), null, Actor.System))
            .Should().ThrowAsync<RejectedException>().WithMessage("*nope*");
        await h.Engine.Invoking(e => e.StartProcessAtAsync("p", [new(ModificationKind.Cancel, "a")],
                _ => Task.FromResult(new ProcessStart("REC-3", null)), null, Actor.System))
            .Should().ThrowAsync<RejectedException>();
        await h.Engine.Invoking(e => e.StartProcessAtAsync("p", [new(ModificationKind.StartBeforeActivity, "a")],
                _ => Task.FromResult(new ProcessStart("REC-4", null)), null, new Actor("nobody", ["Outsider"])))
            .Should().ThrowAsync<ForbiddenException>();

        foreach (var key in new[] { "REC-2", "REC-3", "REC-4" }) (await h.Engine.FindProcessInstancesAsync(key)).Should().BeEmpty();
    }
}
