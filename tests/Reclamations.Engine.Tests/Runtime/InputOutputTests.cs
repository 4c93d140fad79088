using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class InputOutputTests
{
    private const string Io = """
        <extensionElements>
          <camunda:inputOutput>
            <camunda:inputParameter name="recipient">${ complainant.email }</camunda:inputParameter>
            <camunda:inputParameter name="template">ack-letter</camunda:inputParameter>
            <camunda:outputParameter name="messageId">${ sentId }</camunda:outputParameter>
          </camunda:inputOutput>
        </extensionElements>
        """;

    private static Dictionary<string, object?> Complainant() =>
        Vars.Of(("complainant", new Dictionary<string, object?> { ["email"] = "c@example.org", ["kind"] = "client" }));

    [Fact]
    public async Task Input_parameters_are_handler_inputs_and_local_to_the_activity()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <serviceTask id="mail" camunda:type="external" camunda:topic="send-mail">{Io}</serviceTask>
            <serviceTask id="next" camunda:type="external" camunda:topic="check" />
            <userTask id="after" />
            """ + Chain("s", "mail", "next", "after")));
        h.Script.Results["send-mail"] = new() { ["sentId"] = "M-1" };

        var started = await h.StartAsync("p", Complainant());

        var call = h.Script.Calls.Single(c => c.Topic == "send-mail");
        call.Inputs.Should().BeEquivalentTo(new Dictionary<string, object?> { ["recipient"] = "c@example.org", ["template"] = "ack-letter" });
        call.Variables.Should().Contain("recipient", "c@example.org");
        h.Script.Calls.Single(c => c.Topic == "check").Variables.Should().NotContainKey("recipient").And.NotContainKey("template");
        started.Variables.Should().NotContainKey("recipient").And.NotContainKey("template");
    }

    [Fact]
    public async Task Output_parameters_map_handler_results_back_and_the_raw_results_stay_local()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <serviceTask id="mail" camunda:type="external" camunda:topic="send-mail">{Io}</serviceTask>
            <userTask id="after" />
            """ + Chain("s", "mail", "after")));
        h.Script.Results["send-mail"] = new() { ["sentId"] = "M-1", ["extra"] = 5L };

        var started = await h.StartAsync("p", Complainant());

        started.Variables.Should().Contain("messageId", "M-1").And.NotContainKey("sentId").And.NotContainKey("extra");
        started.ActiveActivityIds.Should().Equal("after");
    }

    [Fact]
    public async Task Handler_results_without_output_parameters_become_process_variables()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <userTask id="after" />
            """ + Chain("s", "w", "after")));
        h.Script.Results["work"] = new() { ["score"] = 12L, ["label"] = "high", ["amount"] = 99L };

        var started = await h.StartAsync("p", Vars.Of(("amount", 1L)));

        started.Variables.Should().Contain("score", 12L).And.Contain("label", "high").And.Contain("amount", 99L);
    }

    [Fact]
    public async Task Output_parameters_of_a_user_task_map_completed_form_values()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t">
              <extensionElements>
                <camunda:formData><camunda:formField id="decision" type="string" /></camunda:formData>
                <camunda:inputOutput>
                  <camunda:outputParameter name="summary">${ "decided: " + decision }</camunda:outputParameter>
                </camunda:inputOutput>
              </extensionElements>
            </userTask>
            <userTask id="after" />
            """ + Chain("s", "t", "after")));
        var started = await h.StartAsync("p");

        await h.CompleteAsync(started.Id, "t", Vars.Of(("decision", "accept")));

        (await h.InstanceAsync(started.Id)).Variables.Should().Contain("summary", "decided: accept").And.Contain("decision", "accept");
    }

    [Fact]
    public async Task An_input_parameter_with_an_unknown_variable_fails_naming_the_parameter_and_activity()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <serviceTask id="mail" camunda:type="external" camunda:topic="send-mail">{Io}</serviceTask>
            <endEvent id="e" />
            """ + Chain("s", "mail", "e")));

        var act = () => h.Engine.StartProcessAsync("p", "REC-IO", null, Actor.System);

        (await act.Should().ThrowAsync<Exception>()).Which.Message.Should()
            .Contain("'recipient'").And.Contain("'mail'").And.Contain("complainant");
        (await h.Engine.FindProcessInstancesAsync("REC-IO")).Should().BeEmpty();
        h.Script.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Output_parameters_can_read_inputs_and_results_together()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="base">${ amount + 1 }</camunda:inputParameter>
                  <camunda:outputParameter name="total">${ base + bonus }</camunda:outputParameter>
                  <camunda:outputParameter name="cleared" />
                </camunda:inputOutput>
              </extensionElements>
            </serviceTask>
            <userTask id="after" />
            """ + Chain("s", "w", "after")));
        h.Script.Results["work"] = new() { ["bonus"] = 100L };

        var started = await h.StartAsync("p", Vars.Of(("amount", 1L), ("cleared", "old")));

        h.Script.Calls.Single().Inputs.Should().Contain("base", 2L);
        started.Variables.Should().Contain("total", 102L).And.Contain("cleared", null).And.NotContainKey("base").And.NotContainKey("bonus");
    }

    [Fact]
    public async Task Input_parameters_of_a_user_task_feed_its_assignee_and_vanish_after_completion()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t" camunda:assignee="${ owner }">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="owner">${ team + '-lead' }</camunda:inputParameter>
                </camunda:inputOutput>
              </extensionElements>
            </userTask>
            <userTask id="after" />
            """ + Chain("s", "t", "after")));
        var started = await h.StartAsync("p", Vars.Of(("team", "claims")));
        (await h.SingleTaskAsync(started.Id)).Assignee.Should().Be("claims-lead");

        await h.CompleteAsync(started.Id, "t");

        (await h.InstanceAsync(started.Id)).Variables.Should().NotContainKey("owner");
    }
}
