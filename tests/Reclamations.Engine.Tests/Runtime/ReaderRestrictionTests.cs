using Reclamations.Engine.Api;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>A definition's <c>readerGroups</c> property: its instances, and the instances they call, are readable only by
/// members of those groups and by the engine; for anyone else they do not exist (same error as an unknown id).</summary>
public sealed class ReaderRestrictionTests
{
    private static readonly Actor Lawyer = new("laure", ["LegalPartner"]);
    private static readonly Actor Director = new("denis", ["Direction"]);
    private static readonly Actor Stranger = new("sam", ["Staff"]);
    private static readonly Actor Supervisor = new("olga", ["ComplaintsOfficer"]);

    private static string ReaderGroups(string value) => $"""
        <extensionElements><camunda:properties><camunda:property name="readerGroups" value="{value}" /></camunda:properties></extensionElements>
        """;

    /// <summary>Restricted to LegalPartner and Direction; a task for the LegalPartner group.</summary>
    private static readonly string Litigation = Process("lit", ReaderGroups("LegalPartner,Direction") + """
        <startEvent id="s" />
        <userTask id="declare" camunda:candidateGroups="LegalPartner" />
        <endEvent id="e" />
        """ + Chain("s", "declare", "e"));

    private static async Task<NotFoundException> NotFound(Func<Task> read) =>
        (await FluentActions.Awaiting(read).Should().ThrowAsync<NotFoundException>()).Which;

    [Fact]
    public async Task A_restricted_instance_is_not_found_by_a_stranger_with_the_message_of_an_unknown_id()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Litigation);
        var started = await h.StartAsync("lit", businessKey: "REC-1");
        var task = await h.SingleTaskAsync(started.Id);
        var unknown = Guid.NewGuid();

        foreach (var stranger in new[] { Stranger, Supervisor })
        {
            (await NotFound(() => h.Engine.GetProcessInstanceAsync(started.Id, stranger))).Message
                .Should().Be((await NotFound(() => h.Engine.GetProcessInstanceAsync(unknown, stranger))).Message.Replace(unknown.ToString(), started.Id.ToString()));
            await NotFound(() => h.Engine.GetHistoryAsync(started.Id, stranger));
            await NotFound(() => h.Engine.GetActivityInstancesAsync(started.Id, stranger));
            (await NotFound(() => h.Engine.GetTaskAsync(task.Id, stranger))).Message.Should().Be($"Task '{task.Id}' does not exist.");
            (await h.Engine.QueryTasksAsync(new TaskQuery(ProcessInstanceId: started.Id), stranger)).Should().BeEmpty();
            (await h.Engine.QueryTasksAsync(new TaskQuery(BusinessKey: "REC-1"), stranger)).Should().BeEmpty();
            (await h.Engine.QueryTasksAsync(new TaskQuery(CandidateGroup: "LegalPartner"), stranger)).Should().BeEmpty();
            (await h.Engine.QueryTasksAsync(new TaskQuery(), stranger)).Should().BeEmpty();
            (await h.Engine.CountTasksAsync(new TaskQuery(), stranger)).Should().Be(0);
        }
    }

    [Fact]
    public async Task A_member_of_a_reader_group_and_the_engine_read_it_through_every_read()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Litigation);
        var started = await h.StartAsync("lit", Vars.Of(("counsel", "Maître Bernard")), businessKey: "REC-1");
        var task = await h.SingleTaskAsync(started.Id);

        foreach (var reader in new[] { Lawyer, Director, Actor.System })
        {
            (await h.Engine.GetProcessInstanceAsync(started.Id, reader)).Variables.Should().Contain("counsel", "Maître Bernard");
            (await h.Engine.GetHistoryAsync(started.Id, reader)).Should().Contain(e => e.VariableName == "counsel" && e.Value == "\"Maître Bernard\"");
            (await h.Engine.GetActivityInstancesAsync(started.Id, reader)).Should().Contain(a => a.ActivityId == "declare");
        }
        // The task itself: its candidates (and the engine); Direction reads the instance but is no candidate of the task.
        (await h.Engine.GetTaskAsync(task.Id, Lawyer)).Id.Should().Be(task.Id);
        (await h.Engine.QueryTasksAsync(new TaskQuery(CandidateGroup: "LegalPartner"), Lawyer)).Should().ContainSingle(t => t.Id == task.Id);
        (await h.Engine.QueryTasksAsync(new TaskQuery(BusinessKey: "REC-1"), Lawyer)).Should().ContainSingle(t => t.Id == task.Id);
        (await h.Engine.CountTasksAsync(new TaskQuery(), Lawyer)).Should().Be(1);
        await NotFound(() => h.Engine.GetTaskAsync(task.Id, Director));
    }

    [Fact]
    public async Task Working_on_a_restricted_task_from_outside_the_readers_is_not_found_and_changes_nothing()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Litigation);
        var started = await h.StartAsync("lit");
        var task = await h.SingleTaskAsync(started.Id);
        var outsider = new Actor("eve", ["LegalAssistant", "ComplaintsOfficer"]);

        await NotFound(() => h.Engine.ClaimTaskAsync(task.Id, outsider));
        await NotFound(() => h.Engine.CompleteTaskAsync(task.Id, null, outsider));
        await NotFound(() => h.Engine.AssignTaskAsync(task.Id, "eve", outsider));
        await NotFound(() => h.Engine.DelegateTaskAsync(task.Id, "eve", outsider));
        (await h.Engine.GetTaskAsync(task.Id, Lawyer)).Assignee.Should().BeNull();

        await h.Engine.CompleteTaskAsync(task.Id, null, Lawyer);
        // Ended: a reader learns it is completed; anyone else still finds nothing.
        await FluentActions.Awaiting(() => h.Engine.CompleteTaskAsync(task.Id, null, Lawyer)).Should().ThrowAsync<ConflictException>();
        await NotFound(() => h.Engine.CompleteTaskAsync(task.Id, null, outsider));
    }

    private static string Parent(string extension, string mappings) => Process("parent", extension + $"""
        <startEvent id="s" />
        <callActivity id="call" calledElement="child"><extensionElements>{mappings}</extensionElements></callActivity>
        <userTask id="after" camunda:candidateGroups="Staff" />
        """ + Chain("s", "call", "after"));

    private static string Child(string extension, string body) => Process("child", extension + body);

    private static readonly string WaitingChild = """
        <startEvent id="c_s" />
        <userTask id="c_task" camunda:candidateGroups="Staff,LegalPartner" />
        <endEvent id="c_e" />
        """ + Chain("c_s", "c_task", "c_e");

    private static async Task<Guid> ChildOfAsync(EngineHarness h, string businessKey)
    {
        foreach (var id in await h.Engine.FindProcessInstancesAsync(businessKey))
            if ((await h.InstanceAsync(id)).DefinitionKey == "child") return id;
        throw new InvalidOperationException("No child instance.");
    }

    [Fact]
    public async Task An_instance_called_by_a_restricted_instance_inherits_its_restriction()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Child("", WaitingChild), "child.bpmn");
        await h.DeployAsync(Parent(ReaderGroups("LegalPartner"), ""), "parent.bpmn");
        var parent = await h.StartAsync("parent", businessKey: "REC-2");
        var child = await ChildOfAsync(h, "REC-2");
        var task = await h.SingleTaskAsync(child);

        await NotFound(() => h.Engine.GetProcessInstanceAsync(child, Stranger));
        await NotFound(() => h.Engine.GetTaskAsync(task.Id, Stranger));
        (await h.Engine.QueryTasksAsync(new TaskQuery(CandidateGroup: "Staff"), Stranger)).Should().BeEmpty("Staff is a candidate, not a reader");
        (await h.Engine.GetProcessInstanceAsync(child, Lawyer)).SuperProcessInstanceId.Should().Be(parent.Id);
        (await h.Engine.GetTaskAsync(task.Id, Lawyer)).Id.Should().Be(task.Id);
    }

    [Fact]
    public async Task A_restricted_child_of_an_unrestricted_caller_stays_restricted_and_the_caller_stays_readable()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Child(ReaderGroups("LegalPartner"), WaitingChild), "child.bpmn");
        await h.DeployAsync(Parent("", ""), "parent.bpmn");
        var parent = await h.StartAsync("parent", businessKey: "REC-3");
        var child = await ChildOfAsync(h, "REC-3");

        (await h.Engine.GetProcessInstanceAsync(parent.Id, Stranger)).ActiveActivityIds.Should().Equal("call");
        await NotFound(() => h.Engine.GetProcessInstanceAsync(child, Stranger));
        (await h.Engine.QueryTasksAsync(new TaskQuery(BusinessKey: "REC-3"), Stranger)).Should().BeEmpty();
        (await h.Engine.QueryTasksAsync(new TaskQuery(BusinessKey: "REC-3"), Lawyer)).Should().ContainSingle(t => t.ProcessInstanceId == child);
    }

    [Fact]
    public async Task Two_restrictions_in_a_call_chain_both_hold()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Child(ReaderGroups("Direction,Admin"), WaitingChild), "child.bpmn");
        await h.DeployAsync(Parent(ReaderGroups("LegalPartner,Direction"), ""), "parent.bpmn");
        await h.StartAsync("parent", businessKey: "REC-4");
        var child = await ChildOfAsync(h, "REC-4");

        await NotFound(() => h.Engine.GetProcessInstanceAsync(child, Lawyer));
        await NotFound(() => h.Engine.GetProcessInstanceAsync(child, new Actor("ada", ["Admin"])));
        (await h.Engine.GetProcessInstanceAsync(child, Director)).DefinitionKey.Should().Be("child");
    }

    [Fact]
    public async Task Variables_a_restricted_child_hands_back_are_hidden_from_the_callers_other_readers()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Child(ReaderGroups("LegalPartner,Direction"), """
            <startEvent id="c_s" />
            <serviceTask id="c_work" camunda:type="external" camunda:topic="work" />
            <endEvent id="c_e" />
            """ + Chain("c_s", "c_work", "c_e")), "child.bpmn");
        await h.DeployAsync(Parent("", """<camunda:in variables="all" /><camunda:out variables="all" />"""), "parent.bpmn");
        h.Script.Results["work"] = new() { ["counsel"] = "Maître Bernard", ["amount"] = 20L };

        var parent = await h.StartAsync("parent", Vars.Of(("amount", 10L), ("reference", "REC-5")), businessKey: "REC-5");

        (await h.InstanceAsync(parent.Id)).ActiveActivityIds.Should().Equal("after");
        var seen = await h.Engine.GetProcessInstanceAsync(parent.Id, Stranger);
        seen.Variables.Should().ContainKey("reference", "an unchanged value handed back stays as it was")
            .And.NotContainKey("counsel").And.NotContainKey("amount");
        var history = await h.Engine.GetHistoryAsync(parent.Id, Stranger);
        history.Where(e => e.VariableName == "counsel").Should().ContainSingle().Which.Should().Match<HistoryEventInfo>(e => e.Value == null && e.Details == "restricted");
        history.Where(e => e.VariableName == "amount").Select(e => e.Value).Should().Equal("10", null);
        history.Should().Contain(e => e.VariableName == "reference" && e.Value == "\"REC-5\"");

        foreach (var reader in new[] { Director, Actor.System })
        {
            (await h.Engine.GetProcessInstanceAsync(parent.Id, reader)).Variables.Should().Contain("counsel", "Maître Bernard").And.Contain("amount", 20L);
            (await h.Engine.GetHistoryAsync(parent.Id, reader)).Where(e => e.VariableName == "amount").Select(e => e.Value).Should().Equal("10", "20");
        }

        // Once restricted, a variable stays so: the caller's next value is hidden too.
        await h.CompleteAsync(parent.Id, "after");
        (await h.Engine.GetHistoryAsync(parent.Id, Stranger)).Should().NotContain(e => e.VariableName == "counsel" && e.Value != null);
    }

    [Fact]
    public async Task Jobs_and_incidents_of_a_restricted_instance_are_listed_for_its_readers_only()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("lit", ReaderGroups("LegalPartner") + """
            <startEvent id="s" />
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <endEvent id="e" />
            """ + Chain("s", "wait", "e")));
        var started = await h.StartAsync("lit");

        (await h.Engine.QueryJobsAsync(new JobQuery(), Stranger)).Total.Should().Be(0);
        (await h.Engine.QueryJobsAsync(new JobQuery(ProcessInstanceId: started.Id), new Actor("ada", ["Admin"]))).Items.Should().BeEmpty();
        (await h.Engine.QueryJobsAsync(new JobQuery(), Lawyer)).Items.Should().ContainSingle(j => j.ProcessInstanceId == started.Id);
        (await h.Engine.QueryIncidentsAsync(new IncidentQuery(ProcessInstanceId: started.Id), Stranger)).Total.Should().Be(0);
    }

    [Theory]
    [InlineData("", "comma list")]
    [InlineData("LegalPartner,,Direction", "comma list")]
    [InlineData("Legal Partner", "comma list")]
    [InlineData("${groups}", "not an expression")]
    public async Task A_malformed_readerGroups_is_refused_at_deploy_naming_the_process(string value, string reason)
    {
        await using var h = await EngineHarness.StartAsync();
        var refusal = await FluentActions.Awaiting(() => h.DeployAsync(Process("lit", ReaderGroups(value) + """
            <startEvent id="s" /><endEvent id="e" />
            """ + Chain("s", "e")))).Should().ThrowAsync<BpmnValidationException>();
        refusal.Which.Errors.Should().ContainSingle(e => e.ElementId == "lit" && e.Message.Contains("Process 'lit'")
            && e.Message.Contains("readerGroups") && e.Message.Contains(reason));
    }

    [Fact]
    public void The_parser_reads_the_reader_groups_of_a_process()
    {
        var model = BpmnParser.Parse(Litigation).Single();
        model.ReaderGroups.Should().Equal("LegalPartner", "Direction");
        BpmnParser.Parse(Process("open", """<startEvent id="s" /><endEvent id="e" />""" + Chain("s", "e"))).Single().ReaderGroups.Should().BeEmpty();
    }
}
