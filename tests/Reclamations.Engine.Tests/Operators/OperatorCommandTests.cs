using Microsoft.Extensions.DependencyInjection;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Operators.OperatorActors;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Operators;

public sealed class OperatorCommandTests
{
    /// <summary>s → review (user task, end listener) → wait (P1D timer) → e.</summary>
    private static readonly string ReviewThenTimer = Process("p", $"""
        <startEvent id="s" />
        <userTask id="review" name="review" camunda:candidateGroups="Staff">
          <extensionElements><camunda:executionListener event="end" delegateExpression="${"{"}execLog{"}"}" /></extensionElements>
        </userTask>
        <intermediateCatchEvent id="wait">{Timer("timeDuration", "P1D")}</intermediateCatchEvent>
        <endEvent id="e" />
        """ + Chain("s", "review", "wait", "e"));

    private static Task<EngineHarness> StartAsync(ListenerLog log, Action<EngineOptions>? options = null) => EngineHarness.StartAsync(b =>
    {
        b.Services.AddSingleton(log);
        b.AddExecutionListener<LoggingExecutionListener>("execLog");
        if (options is not null) b.Services.Configure(options);
    });

    private static async Task<IReadOnlyList<HistoryEventInfo>> RowsAsync(EngineHarness h, Guid id, string eventType) =>
        (await h.Engine.GetHistoryAsync(id, Actor.System)).Where(r => r.EventType == eventType).ToList();

    [Fact]
    public async Task Cancelling_runs_the_end_listeners_ends_the_instance_and_records_the_reason_and_the_operator()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(ReviewThenTimer);
        var started = await h.StartAsync("p");

        await h.Engine.CancelProcessInstanceAsync(started.Id, "duplicate of REC-2", Operator);

        var instance = await h.InstanceAsync(started.Id);
        instance.State.Should().Be("Cancelled");
        instance.EndedAt.Should().Be(EngineHarness.Epoch);
        (await h.TasksAsync(started.Id)).Should().BeEmpty();
        log.Entries.Should().ContainSingle(e => e.Event == "end" && e.ActivityId == "review");
        var cancelled = (await RowsAsync(h, started.Id, "ProcessCancelled")).Should().ContainSingle().Subject;
        (cancelled.UserId, cancelled.Details).Should().Be(("olga", "duplicate of REC-2"));
        (await RowsAsync(h, started.Id, "ActivityCancelled")).Should().ContainSingle(r => r.ActivityId == "review" && r.UserId == "olga");

        var again = () => h.Engine.CancelProcessInstanceAsync(started.Id, "again", Operator);
        await again.Should().ThrowAsync<ConflictException>().WithMessage("*has ended*");
    }

    [Fact]
    public async Task A_non_operator_is_refused_every_operator_command_and_nothing_changes()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(ReviewThenTimer);
        var started = await h.StartAsync("p");
        var before = await h.Engine.GetHistoryAsync(started.Id, Actor.System);

        var commands = new Func<Task>[]
        {
            () => h.Engine.CancelProcessInstanceAsync(started.Id, "no", Stranger),
            () => h.Engine.SuspendProcessInstanceAsync(started.Id, Stranger),
            () => h.Engine.ActivateProcessInstanceAsync(started.Id, Stranger),
            () => h.Engine.SetVariableAsync(started.Id, "amount", 1L, Stranger),
            () => h.Engine.ModifyProcessInstanceAsync(started.Id,
                new ProcessInstanceModification([new ModificationInstruction(ModificationKind.StartBeforeActivity, "wait")]), Stranger),
            () => h.Engine.ResolveIncidentAsync(Guid.NewGuid(), Stranger),
            () => h.Engine.SetLegalHoldAsync(started.Id, true, "litigation", Stranger),
            () => h.Engine.CleanupHistoryAsync(Stranger),
            () => h.Engine.GetHistoryCleanupReportAsync(Stranger),
        };
        foreach (var command in commands)
            await command.Should().ThrowAsync<ForbiddenException>().WithMessage("*operator (Admin)*'sam'*");

        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().BeEquivalentTo(before);
        var instance = await h.InstanceAsync(started.Id);
        (instance.State, instance.Suspended, instance.LegalHold).Should().Be(("Active", false, false));
        instance.Variables.Should().NotContainKey("amount");
    }

    [Fact]
    public async Task The_operator_groups_come_from_the_options()
    {
        await using var h = await StartAsync(new ListenerLog(), o => o.OperatorGroups = ["Ops"]);
        await h.DeployAsync(ReviewThenTimer);
        var started = await h.StartAsync("p");

        var asAdmin = () => h.Engine.SuspendProcessInstanceAsync(started.Id, Operator);
        await asAdmin.Should().ThrowAsync<ForbiddenException>();
        await h.Engine.SuspendProcessInstanceAsync(started.Id, new Actor("otto", ["Ops"]));
        (await h.InstanceAsync(started.Id)).Suspended.Should().BeTrue();
    }

    [Fact]
    public async Task A_suspended_instance_does_not_move_its_job_is_not_acquired_its_task_is_409_and_activation_moves_it_again()
    {
        await using var h = await StartAsync(new ListenerLog());
        await h.DeployAsync(ReviewThenTimer);
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id);
        await h.Engine.CompleteTaskAsync(task.Id, null, Actor.System);
        var other = await h.StartAsync("p");
        var otherTask = await h.SingleTaskAsync(other.Id);

        await h.Engine.SuspendProcessInstanceAsync(started.Id, Operator, "client on holiday");
        await h.Engine.SuspendProcessInstanceAsync(other.Id, Operator);

        (await h.AdvanceAsync(TimeSpan.FromDays(2))).Should().Be(0, "the suspended instance's timer is not acquired");
        (await h.Engine.NextDueAtAsync(default)).Should().BeNull("a suspended job does not wake the executor");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("wait");
        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Which.Suspended.Should().BeTrue();
        var complete = () => h.Engine.CompleteTaskAsync(otherTask.Id, null, Actor.System);
        await complete.Should().ThrowAsync<ConflictException>().WithMessage("*suspended*");
        var claim = () => h.Engine.ClaimTaskAsync(otherTask.Id, Actor.System);
        await claim.Should().ThrowAsync<ConflictException>().WithMessage("*suspended*");
        (await h.SingleTaskAsync(other.Id)).Assignee.Should().BeNull();

        await h.Engine.ActivateProcessInstanceAsync(started.Id, Operator);
        (await h.RunJobsAsync()).Should().Be(1);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        var rows = await h.Engine.GetHistoryAsync(started.Id, Actor.System);
        rows.Should().ContainSingle(r => r.EventType == "ProcessSuspended" && r.UserId == "olga" && r.Details == "client on holiday");
        rows.Should().ContainSingle(r => r.EventType == "ProcessActivated" && r.UserId == "olga");
    }

    [Fact]
    public async Task A_job_locked_before_its_instance_was_suspended_does_not_run()
    {
        await using var h = await StartAsync(new ListenerLog());
        await h.DeployAsync(Process("p", """<startEvent id="s" />""" + Service("w", "work", """camunda:asyncBefore="true" """)
                                         + """<endEvent id="e" />""" + Chain("s", "w", "e")));
        var started = await h.StartAsync("p");
        var locked = await h.Engine.AcquireJobsAsync(default);
        locked.Should().ContainSingle();

        await h.Engine.SuspendProcessInstanceAsync(started.Id, Operator);
        await h.Engine.ExecuteJobAsync(locked[0].Id, null, default);

        h.Script.CallsTo("work").Should().Be(0);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("w");
        await h.Engine.ActivateProcessInstanceAsync(started.Id, Operator);
        (await h.RunJobsAsync()).Should().Be(1);
        h.Script.CallsTo("work").Should().Be(1);
    }

    [Fact]
    public async Task Suspension_reaches_the_called_instances()
    {
        await using var h = await StartAsync(new ListenerLog());
        await h.DeployAsync(Process("child", """<startEvent id="cs" /><userTask id="ct" name="ct" /><endEvent id="ce" />""" + Chain("cs", "ct", "ce")),
            "child.bpmn");
        await h.DeployAsync(Process("parent", """<startEvent id="s" /><callActivity id="call" calledElement="child" /><endEvent id="e" />"""
                                              + Chain("s", "call", "e")));
        var parent = await h.StartAsync("parent");
        var childTask = (await h.Engine.QueryTasksAsync(new TaskQuery(), Actor.System)).Should().ContainSingle().Subject;

        await h.Engine.SuspendProcessInstanceAsync(parent.Id, Operator);

        (await h.InstanceAsync(childTask.ProcessInstanceId)).Suspended.Should().BeTrue();
        var complete = () => h.Engine.CompleteTaskAsync(childTask.Id, null, Actor.System);
        await complete.Should().ThrowAsync<ConflictException>();
        var cancelChild = () => h.Engine.CancelProcessInstanceAsync(childTask.ProcessInstanceId, "no", Operator);
        await cancelChild.Should().ThrowAsync<ConflictException>().WithMessage("*call activity*");
        await h.Engine.ActivateProcessInstanceAsync(parent.Id, Operator);
        await h.Engine.CompleteTaskAsync(childTask.Id, null, Actor.System);
        (await h.InstanceAsync(parent.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task An_operator_sets_a_typed_variable_audited_and_protected_or_internal_names_are_refused()
    {
        await using var h = await StartAsync(new ListenerLog(), o => o.OperatorProtectedVariables = new HashSet<string> { "responseDueDate" });
        await h.DeployAsync(ReviewThenTimer);
        var started = await h.StartAsync("p", Vars.Of(("responseDueDate", "2026-05-02")));
        var due = new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.FromHours(2));

        await h.Engine.SetVariableAsync(started.Id, "promisedOn", due, Operator);
        await h.Engine.SetVariableAsync(started.Id, "amount", 150L, Operator);

        var variables = (await h.InstanceAsync(started.Id)).Variables;
        variables["promisedOn"].Should().Be(due);
        variables["amount"].Should().Be(150L);
        (await RowsAsync(h, started.Id, "VariableSet")).Should().Contain(r =>
            r.VariableName == "promisedOn" && r.UserId == "olga" && r.Details == "date");

        var protectedDate = () => h.Engine.SetVariableAsync(started.Id, "responseDueDate", "2027-01-01", Operator);
        await protectedDate.Should().ThrowAsync<RejectedException>().WithMessage("*responseDueDate*protected*");
        var byModification = () => h.Engine.ModifyProcessInstanceAsync(started.Id, new ProcessInstanceModification(
            [new ModificationInstruction(ModificationKind.StartBeforeActivity, "wait", Variables: Vars.Of(("responseDueDate", "2027-01-01")))]), Operator);
        await byModification.Should().ThrowAsync<RejectedException>().WithMessage("*responseDueDate*protected*");
        var counter = () => h.Engine.SetVariableAsync(started.Id, "nrOfInstances", 3L, Operator);
        await counter.Should().ThrowAsync<RejectedException>().WithMessage("*nrOfInstances*engine*");
        (await h.InstanceAsync(started.Id)).Variables["responseDueDate"].Should().Be("2026-05-02");
    }

    [Fact]
    public async Task Restricted_variables_are_hidden_from_readers_outside_their_groups_and_writable_only_by_them()
    {
        await using var h = await StartAsync(new ListenerLog(), o =>
        {
            o.RestrictedVariables = new HashSet<string> { "counsel" };
            o.RestrictedVariableReaderGroups = ["LegalPartner"];
            o.OperatorGroups = ["Admin", "Ops"];
        });
        await h.DeployAsync(ReviewThenTimer);
        var started = await h.StartAsync("p", Vars.Of(("counsel", "Maître Martin"), ("amount", 5L)));
        var lawyer = new Actor("lea", ["LegalPartner", "Ops"]);

        (await h.Engine.GetProcessInstanceAsync(started.Id, Stranger)).Variables.Should().ContainKey("amount").And.NotContainKey("counsel");
        (await h.Engine.GetProcessInstanceAsync(started.Id, lawyer)).Variables.Should().ContainKey("counsel");
        var hidden = (await h.Engine.GetHistoryAsync(started.Id, Stranger, 0, 100)).Items.Single(r => r.VariableName == "counsel");
        hidden.Value.Should().BeNull();
        (await h.Engine.GetHistoryAsync(started.Id, lawyer, 0, 100)).Items.Single(r => r.VariableName == "counsel").Value
            .Should().Contain("Martin");

        var byPlainOperator = () => h.Engine.SetVariableAsync(started.Id, "counsel", "x", Operator);
        await byPlainOperator.Should().ThrowAsync<ForbiddenException>();
        await h.Engine.SetVariableAsync(started.Id, "counsel", "Maître Bernard", lawyer);
        (await h.Engine.GetProcessInstanceAsync(started.Id, lawyer)).Variables["counsel"].Should().Be("Maître Bernard");
    }

    [Fact]
    public async Task Resolving_an_incident_records_the_operator_and_leaves_the_job_parked()
    {
        await using var h = await StartAsync(new ListenerLog());
        await h.DeployAsync(Process("p", """<startEvent id="s" />""" + Service("w", "work", """camunda:asyncBefore="true" """,
                                             """<extensionElements><camunda:failedJobRetryTimeCycle>R0/PT1M</camunda:failedJobRetryTimeCycle></extensionElements>""")
                                         + """<endEvent id="e" />""" + Chain("s", "w", "e")));
        h.Script.FailuresLeft["work"] = 1;
        var started = await h.StartAsync("p");
        await h.RunJobsAsync();
        var incident = (await h.Engine.GetIncidentsAsync()).Should().ContainSingle().Subject;

        await h.Engine.ResolveIncidentAsync(incident.Id, Operator, "fixed the mail server");

        (await h.Engine.GetIncidentsAsync()).Should().BeEmpty();
        (await h.Engine.GetIncidentsAsync(openOnly: false)).Single().ResolvedAt.Should().Be(EngineHarness.Epoch);
        (await RowsAsync(h, started.Id, "IncidentResolved")).Should().ContainSingle(r => r.UserId == "olga" && r.Details!.StartsWith("fixed the mail server"));
        (await h.Engine.GetJobsAsync(started.Id)).Single().Retries.Should().Be(-1);
        var twice = () => h.Engine.ResolveIncidentAsync(incident.Id, Operator);
        await twice.Should().ThrowAsync<ConflictException>();
        var unknown = () => h.Engine.ResolveIncidentAsync(Guid.NewGuid(), Operator);
        await unknown.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Jobs_and_incidents_are_listed_by_filter_one_page_at_a_time_with_the_total()
    {
        await using var h = await StartAsync(new ListenerLog());
        await h.DeployAsync(ReviewThenTimer);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var started = await h.StartAsync("p");
            await h.CompleteAsync(started.Id, "review");
            ids.Add(started.Id);
        }
        await h.Engine.SuspendProcessInstanceAsync(ids[1], Operator);

        var page = await h.Engine.QueryJobsAsync(new JobQuery(ActivityId: "wait", FirstResult: 1, MaxResults: 1), Actor.System);
        (page.Total, page.Items.Count).Should().Be((3, 1));
        (await h.Engine.QueryJobsAsync(new JobQuery(Suspended: true), Actor.System)).Items.Should().ContainSingle().Which.ProcessInstanceId.Should().Be(ids[1]);
        (await h.Engine.QueryJobsAsync(new JobQuery(ProcessInstanceId: ids[2], Kind: "timer"), Actor.System)).Total.Should().Be(1);
        (await h.Engine.QueryJobsAsync(new JobQuery(WithIncident: true), Actor.System)).Total.Should().Be(0);
        var badKind = () => h.Engine.QueryJobsAsync(new JobQuery(Kind: "cron"), Actor.System);
        await badKind.Should().ThrowAsync<RejectedException>().WithMessage("*cron*");
        (await h.Engine.QueryIncidentsAsync(new IncidentQuery(ProcessInstanceId: ids[0]), Actor.System)).Total.Should().Be(0);
        (await h.Engine.CountTasksAsync(new TaskQuery(), Actor.System)).Should().Be(0);
    }

    [Fact]
    public async Task A_legal_hold_is_recorded_and_reaches_the_called_instances()
    {
        await using var h = await StartAsync(new ListenerLog());
        await h.DeployAsync(Process("child", """<startEvent id="cs" /><userTask id="ct" name="ct" /><endEvent id="ce" />""" + Chain("cs", "ct", "ce")),
            "child.bpmn");
        await h.DeployAsync(Process("parent", """<startEvent id="s" /><callActivity id="call" calledElement="child" /><endEvent id="e" />"""
                                              + Chain("s", "call", "e")));
        var parent = await h.StartAsync("parent");
        var child = (await h.Engine.QueryTasksAsync(new TaskQuery(), Actor.System)).Single().ProcessInstanceId;

        await h.Engine.SetLegalHoldAsync(parent.Id, true, "litigation REC-9", Operator);

        (await h.InstanceAsync(parent.Id)).LegalHold.Should().BeTrue();
        (await h.InstanceAsync(child)).LegalHold.Should().BeTrue();
        (await RowsAsync(h, parent.Id, "LegalHoldSet")).Should().ContainSingle(r => r.UserId == "olga" && r.Details == "litigation REC-9");
        await h.Engine.SetLegalHoldAsync(parent.Id, false, "settled", Operator);
        (await h.InstanceAsync(child)).LegalHold.Should().BeFalse();
        (await RowsAsync(h, child, "LegalHoldReleased")).Should().ContainSingle();
    }
}
