using Microsoft.Extensions.DependencyInjection;
using Reclamations.Engine.Api;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>What may be written from outside: a task's form fields only, variables at start and with a message only for the
/// callers allowed to, a start form validated like a task form, never a variable the engine alone writes.</summary>
public sealed class VariableContractTests
{
    private static readonly Actor Staff = new("sam", ["Staff"]);
    private static readonly Actor Stranger = new("eve", ["Accounting"]);

    private static readonly string Approval = Process("p", """
        <startEvent id="s" />
        <userTask id="t" name="Approuver" camunda:candidateGroups="Staff">
          <extensionElements><camunda:formData><camunda:formField id="approved" type="boolean" /></camunda:formData></extensionElements>
        </userTask>
        <receiveTask id="r" messageRef="Msg_Reply" />
        <endEvent id="e" />
        """ + Chain("s", "t", "r", "e"));

    [Fact]
    public async Task A_variable_that_is_not_a_field_of_the_form_is_refused_by_name_and_nothing_is_written()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Approval);
        var started = await h.StartAsync("p", Vars.Of(("amount", 100L)));
        var task = await h.SingleTaskAsync(started.Id);
        var history = await h.Engine.GetHistoryAsync(started.Id, Actor.System);

        var act = () => h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("approved", true), ("amount", 1_000_000L)), Staff);

        var error = (await act.Should().ThrowAsync<FormValidationException>()).Which;
        error.Errors.Should().ContainSingle().Which.FieldId.Should().Be("amount");
        var after = await h.InstanceAsync(started.Id);
        after.Variables.Should().BeEquivalentTo(new Dictionary<string, object?> { ["amount"] = 100L });
        after.ActiveActivityIds.Should().Equal("t");
        (await h.Engine.GetTaskAsync(task.Id, Actor.System)).Assignee.Should().BeNull("the candidate did not become the assignee either");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().BeEquivalentTo(history);
    }

    [Fact]
    public async Task A_task_without_a_form_accepts_no_variable_from_anyone()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """<startEvent id="s" /><userTask id="t" name="t" /><endEvent id="e" />""" + Chain("s", "t", "e")));
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id);

        var act = () => h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("note", "x")), Actor.System);

        (await act.Should().ThrowAsync<FormValidationException>()).Which.Errors.Should().ContainSingle().Which.FieldId.Should().Be("note");
        (await h.InstanceAsync(started.Id)).Variables.Should().BeEmpty();
    }

    [Theory]
    [InlineData("nrOfInstances")]
    [InlineData("nrOfActiveInstances")]
    [InlineData("nrOfCompletedInstances")]
    [InlineData("loopCounter")]
    [InlineData("nrOfInstancesCollection")]
    public async Task Engine_internal_names_are_never_written_from_outside(string name)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Approval);
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id);
        await h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("approved", true)), Staff);
        var history = await h.Engine.GetHistoryAsync(started.Id, Actor.System);

        var start = () => h.Engine.StartProcessAsync("p", "REC-2", Vars.Of((name, 5L)), Actor.System);
        var message = () => h.Engine.CorrelateMessageAsync("client-reply", null, started.Id, Vars.Of((name, 5L)), Staff);

        (await start.Should().ThrowAsync<FormValidationException>()).Which.Errors.Should().ContainSingle().Which.FieldId.Should().Be(name);
        (await message.Should().ThrowAsync<FormValidationException>()).Which.Errors.Should().ContainSingle().Which.FieldId.Should().Be(name);
        (await h.Engine.FindProcessInstancesAsync("REC-2")).Should().BeEmpty();
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("r");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().BeEquivalentTo(history);
        var form = () => h.DeployAsync(Process("q", $"""
            <startEvent id="s" />
            <userTask id="t"><extensionElements>{Form((name, "long"))}</extensionElements></userTask>
            """ + Chain("s", "t")));
        (await form.Should().ThrowAsync<BpmnValidationException>()).Which.Errors.Should().ContainSingle(e => e.ElementId == "t");
    }

    [Fact]
    public async Task Messages_are_for_the_configured_senders_and_a_refused_one_delivers_nothing()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Approval);
        var started = await h.StartAsync("p");
        await h.Engine.CompleteTaskAsync((await h.SingleTaskAsync(started.Id)).Id, Vars.Of(("approved", true)), Staff);

        var refused = () => h.Engine.CorrelateMessageAsync("client-reply", null, started.Id, Vars.Of(("satisfied", true)), Stranger);
        (await refused.Should().ThrowAsync<ForbiddenException>()).Which.Message.Should().Contain("send message 'client-reply'");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("r");

        (await h.Engine.CorrelateMessageAsync("client-reply", null, started.Id, Vars.Of(("satisfied", true)), new Actor("lea", ["LegalPartner"])))
            .Should().Be(1);
        var ended = await h.InstanceAsync(started.Id);
        ended.State.Should().Be("Completed");
        ended.Variables["satisfied"].Should().Be(true);
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().Contain(e => e.EventType == "MessageCorrelated" && e.UserId == "lea");
    }

    private static string Starters(string attributes) => Process("p", "<startEvent id=\"s\" /><userTask id=\"t\" />" + Chain("s", "t"))
        .Replace("""<process id="p" isExecutable="true">""", $"""<process id="p" isExecutable="true" {attributes}>""");

    [Theory]
    [InlineData("", "sam", "Staff", true)]
    [InlineData("", "olivia", "ComplaintsOfficer", true)]
    [InlineData("", "dan", "Direction", false)]
    [InlineData("", "eve", "", false)]
    [InlineData("""camunda:candidateStarterGroups="Direction, LegalPartner" """, "dan", "Direction", true)]
    [InlineData("""camunda:candidateStarterGroups="Direction, LegalPartner" """, "sam", "Staff", false)]
    [InlineData("""camunda:candidateStarterUsers="dora" """, "dora", "", true)]
    [InlineData("""camunda:candidateStarterUsers="dora" """, "sam", "Staff", false)]
    public async Task Starters_are_the_definitions_candidate_starters_else_the_configured_groups(string attributes, string user, string group,
        bool allowed)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Starters(attributes));
        var actor = new Actor(user, group.Length == 0 ? [] : [group]);

        var act = () => h.Engine.StartProcessAsync("p", "REC-1", Vars.Of(("amount", 1L)), actor);

        if (allowed)
        {
            var started = await act();
            (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().Contain(e => e.EventType == "ProcessStarted" && e.UserId == user);
            return;
        }
        (await act.Should().ThrowAsync<ForbiddenException>()).Which.Message.Should().Contain("start process 'p'");
        (await h.Engine.FindProcessInstancesAsync("REC-1")).Should().BeEmpty();
    }

    [Fact]
    public async Task Starter_groups_come_from_the_options_and_an_expression_as_starters_is_refused_at_deploy()
    {
        await using var h = await EngineHarness.StartAsync(b => b.Services.Configure<EngineOptions>(o => o.StarterGroups = ["Intake"]));
        await h.DeployAsync(Starters(""));

        await FluentActions.Awaiting(() => h.Engine.StartProcessAsync("p", "REC-3", null, Staff)).Should().ThrowAsync<ForbiddenException>();
        await h.Engine.StartProcessAsync("p", "REC-4", null, new Actor("ines", ["Intake"]));
        var expression = () => h.DeployAsync(Starters("""camunda:candidateStarterGroups="${ starters }" """));
        (await expression.Should().ThrowAsync<BpmnValidationException>()).Which.Message.Should().Contain("candidateStarterGroups");
    }

    private static readonly string StartForm = Process("p", """
        <startEvent id="s">
          <extensionElements>
            <camunda:formData>
              <camunda:formField id="channel" type="enum">
                <camunda:value id="mail" name="Courrier" /><camunda:value id="phone" name="Téléphone" />
                <camunda:validation><camunda:constraint name="required" /></camunda:validation>
              </camunda:formField>
              <camunda:formField id="amount" type="long" defaultValue="0" />
            </camunda:formData>
          </extensionElements>
        </startEvent>
        <userTask id="t" />
        """ + Chain("s", "t"));

    [Fact]
    public async Task A_start_form_validates_the_start_variables_like_a_task_form()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(StartForm);

        var missing = () => h.Engine.StartProcessAsync("p", "REC-1", null, Staff);
        var wrong = () => h.Engine.StartProcessAsync("p", "REC-1", Vars.Of(("channel", "fax")), Staff);
        var forged = () => h.Engine.StartProcessAsync("p", "REC-1", Vars.Of(("channel", "mail"), ("priority", "high")), Staff);
        (await missing.Should().ThrowAsync<FormValidationException>()).Which.Errors.Single().FieldId.Should().Be("channel");
        (await wrong.Should().ThrowAsync<FormValidationException>()).Which.Errors.Single().FieldId.Should().Be("channel");
        (await forged.Should().ThrowAsync<FormValidationException>()).Which.Errors.Single().FieldId.Should().Be("priority");
        (await h.Engine.FindProcessInstancesAsync("REC-1")).Should().BeEmpty();

        var started = await h.Engine.StartProcessAsync("p", "REC-1", Vars.Of(("channel", "phone"), ("amount", "12")), Staff);

        started.Variables.Should().BeEquivalentTo(new Dictionary<string, object?> { ["channel"] = "phone", ["amount"] = 12L });
        (await h.Engine.StartProcessAsync("p", "REC-2", Vars.Of(("channel", "mail")), Staff)).Variables["amount"].Should().Be(0L);
    }
}
