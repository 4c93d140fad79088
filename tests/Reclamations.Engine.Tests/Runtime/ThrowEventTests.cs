using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Intermediate throw events: none, message (handler by camunda:topic), escalation nobody catches.</summary>
public sealed class ThrowEventTests
{
    [Fact]
    public async Task None_intermediate_throw_event_passes_straight_through()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <intermediateThrowEvent id="milestone" />
            <userTask id="t" />
            """ + Chain("s", "milestone", "t")));

        var started = await h.StartAsync("p");

        started.ActiveActivityIds.Should().Equal("t");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "milestone");
    }

    [Fact]
    public async Task Message_throw_event_with_a_topic_calls_its_handler_and_keeps_its_results()
    {
        await using var h = await EngineHarness.StartAsync();
        h.Script.Results["notify"] = Vars.Of(("notifiedAt", "2026-03-02"));
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <intermediateThrowEvent id="tell">
              <messageEventDefinition messageRef="Msg_Go" camunda:type="external" camunda:topic="notify" />
            </intermediateThrowEvent>
            <userTask id="t" />
            """ + Chain("s", "tell", "t")));

        var started = await h.StartAsync("p", Vars.Of(("client", "Dupont")));

        h.Script.CallsTo("notify").Should().Be(1);
        h.Script.Calls.Single().Variables.Should().Contain("client", "Dupont");
        started.ActiveActivityIds.Should().Equal("t");
        started.Variables.Should().Contain("notifiedAt", "2026-03-02");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "tell");
    }

    [Fact]
    public async Task Escalation_throw_event_nobody_catches_passes_and_is_recorded()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <intermediateThrowEvent id="late"><escalationEventDefinition escalationRef="Esc_Late" /></intermediateThrowEvent>
            <userTask id="t" />
            """ + Chain("s", "late", "t")));

        var started = await h.StartAsync("p");

        started.ActiveActivityIds.Should().Equal("t");
        (await h.HistoryAsync(started.Id, "EscalationThrown")).Should().Equal("late");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "late");
    }
}
