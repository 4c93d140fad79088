using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class VariableHistoryTests
{
    [Fact]
    public async Task Every_change_is_recorded_with_name_and_json_value_and_an_unchanged_value_is_recorded_once()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t1"><extensionElements><camunda:formData><camunda:formField id="amount" type="long" /><camunda:formField id="status" type="string" /></camunda:formData></extensionElements></userTask>
            <userTask id="t2"><extensionElements><camunda:formData><camunda:formField id="amount" type="long" /></camunda:formData></extensionElements></userTask>
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <userTask id="t3" />
            """ + Chain("s", "t1", "t2", "w", "t3")));
        var started = await h.StartAsync("p", Vars.Of(("amount", 10L), ("status", "new")));

        await h.CompleteAsync(started.Id, "t1", Vars.Of(("amount", 10L), ("status", "new")));
        h.Script.Results["work"] = new() { ["status"] = "checked", ["tags"] = new List<object?> { "a", "b" } };
        await h.CompleteAsync(started.Id, "t2", Vars.Of(("amount", 25L)));
        await h.CompleteAsync(started.Id, "t3");

        var sets = (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Where(e => e.EventType == "VariableSet")
            .Select(e => (e.VariableName, e.Value)).ToList();
        sets.Should().Equal(
            ("amount", "10"), ("status", "\"new\""),
            ("amount", "25"),
            ("status", "\"checked\""), ("tags", "[\"a\",\"b\"]"));
        (await h.InstanceAsync(started.Id)).Variables.Should().Contain("amount", 25L).And.Contain("status", "checked");
    }

    [Fact]
    public async Task Local_variables_of_inputs_and_loops_are_recorded_too()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work">
              <extensionElements>
                <camunda:inputOutput><camunda:inputParameter name="level">${ 1 + 1 }</camunda:inputParameter></camunda:inputOutput>
              </extensionElements>
            </serviceTask>
            <endEvent id="e" />
            """ + Chain("s", "w", "e")));

        var started = await h.StartAsync("p");

        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should()
            .ContainSingle(e => e.EventType == "VariableSet" && e.VariableName == "level").Which.Value.Should().Be("2");
    }
}
