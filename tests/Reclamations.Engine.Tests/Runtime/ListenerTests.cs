using Reclamations.Engine.Api;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class ListenerTests
{
    private static readonly Actor Alice = new("alice", ["Juridique"]);
    private static readonly Actor Mallory = new("mallory", ["Juridique"]);
    private static readonly Actor Manager = new("manager", ["ComplaintsOfficer"]);

    private const string Refusal = "Le réviseur ne peut pas être une personne visée par la réclamation";

    private static Task<EngineHarness> StartAsync(ListenerLog log) => EngineHarness.StartAsync(b =>
    {
        b.Services.AddSingleton(log);
        b.AddTaskListener<LoggingTaskListener>("taskLog")
            .AddTaskListener<IndependenceListener>("independence")
            .AddTaskListener<StampingTaskListener>("stamp")
            .AddExecutionListener<LoggingExecutionListener>("execLog")
            .AddExecutionListener<StampingExecutionListener>("execStamp");
    });

    private static string TaskListeners(params (string Event, string Name)[] listeners) =>
        string.Concat(listeners.Select(l => $"""<camunda:taskListener event="{l.Event}" delegateExpression="${"{"}{l.Name}{"}"}" />"""));

    [Fact]
    public async Task Task_listeners_hear_create_assignment_and_complete()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" name="t" camunda:candidateGroups="Juridique">
              <extensionElements>{TaskListeners(("create", "taskLog"), ("assignment", "taskLog"), ("complete", "taskLog"))}{Form(("ok", "boolean"))}</extensionElements>
            </userTask>
            <endEvent id="e" />
            """ + Chain("s", "t", "e")));
        var started = await h.StartAsync("p");
        var task = await h.SingleTaskAsync(started.Id);
        log.Entries.Select(e => e.Event).Should().Equal("create");

        await h.Engine.ClaimTaskAsync(task.Id, Alice);
        await h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("ok", true)), Alice);

        log.Entries.Select(e => (e.Event, e.Assignee, e.UserId)).Should().Equal(
            ("create", null, Actor.SystemId), ("assignment", "alice", "alice"), ("complete", "alice", "alice"));
        log.Entries.Should().OnlyContain(e => e.TaskId == task.Id && e.ActivityId == "t" && e.InstanceId == started.Id);
        log.Entries[2].Variables.Should().Contain("ok", true, "a complete listener sees the submitted values");
    }

    [Fact]
    public async Task A_task_created_with_an_assignee_notifies_create_then_assignment()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" name="t" camunda:assignee="bob">
              <extensionElements>{TaskListeners(("assignment", "taskLog"), ("create", "taskLog"))}</extensionElements>
            </userTask>
            <endEvent id="e" />
            """ + Chain("s", "t", "e")));

        await h.StartAsync("p");

        log.Entries.Select(e => (e.Event, e.Assignee)).Should().Equal(("create", "bob"), ("assignment", "bob"));
    }

    private static string ReviewProcess() => Process("p", $"""
        <startEvent id="s" />
        <userTask id="t" name="Réviser" camunda:candidateGroups="Juridique">
          <extensionElements>{TaskListeners(("assignment", "independence"))}</extensionElements>
        </userTask>
        <endEvent id="e" />
        """ + Chain("s", "t", "e"));

    [Fact]
    public async Task An_assignment_listener_refuses_a_claim_with_its_reason_and_nothing_changes()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(ReviewProcess());
        var started = await h.StartAsync("p", Vars.Of(("personnesVisees", "mallory,trent")));
        var task = await h.SingleTaskAsync(started.Id);
        var historyBefore = await h.Engine.GetHistoryAsync(started.Id, Actor.System);

        var act = () => h.Engine.ClaimTaskAsync(task.Id, Mallory);

        (await act.Should().ThrowAsync<RejectedException>()).Which.Message.Should().Be(Refusal);
        (await h.Engine.GetTaskAsync(task.Id, Actor.System)).Assignee.Should().BeNull();
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().HaveCount(historyBefore.Count);

        await h.Engine.ClaimTaskAsync(task.Id, Alice);
        (await h.Engine.GetTaskAsync(task.Id, Actor.System)).Assignee.Should().Be("alice");
    }

    [Fact]
    public async Task An_assignment_listener_refuses_an_assignment_and_the_previous_assignee_stays()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(ReviewProcess());
        var started = await h.StartAsync("p", Vars.Of(("personnesVisees", "mallory")));
        var task = await h.SingleTaskAsync(started.Id);
        await h.Engine.ClaimTaskAsync(task.Id, Alice);

        var act = () => h.Engine.AssignTaskAsync(task.Id, "mallory", Manager);

        (await act.Should().ThrowAsync<RejectedException>()).Which.Message.Should().Be(Refusal);
        (await h.Engine.GetTaskAsync(task.Id, Actor.System)).Assignee.Should().Be("alice");
        (await h.HistoryAsync(started.Id, "TaskAssigned")).Should().BeEmpty();
    }

    [Fact]
    public async Task An_assignment_listener_refusing_the_initial_assignee_refuses_the_start()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" name="t" camunda:assignee="${"{"} reviewer {"}"}">
              <extensionElements>{TaskListeners(("assignment", "independence"))}</extensionElements>
            </userTask>
            <endEvent id="e" />
            """ + Chain("s", "t", "e")));

        var act = () => h.Engine.StartProcessAsync("p", "REC-1", Vars.Of(("reviewer", "mallory"), ("personnesVisees", "mallory")), Actor.System);

        (await act.Should().ThrowAsync<RejectedException>()).Which.Message.Should().Be(Refusal);
        (await h.Engine.FindProcessInstancesAsync("REC-1")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_complete_listener_refusing_keeps_the_task_open_and_the_variables_unchanged()
    {
        var log = new ListenerLog();
        await using var h = await EngineHarness.StartAsync(b =>
        {
            b.Services.AddSingleton(log);
            b.AddTaskListener<IndependenceListener>("independence").AddTaskListener<LoggingTaskListener>("taskLog");
        });
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" name="t" camunda:assignee="mallory">
              <extensionElements>{TaskListeners(("complete", "independence"), ("complete", "taskLog"))}{Form(("decision", "string"))}</extensionElements>
            </userTask>
            <endEvent id="e" />
            """ + Chain("s", "t", "e")));
        var started = await h.StartAsync("p", Vars.Of(("personnesVisees", "mallory"), ("decision", "aucune")));
        var task = await h.SingleTaskAsync(started.Id);

        var act = () => h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("decision", "fondee")), Mallory);

        (await act.Should().ThrowAsync<RejectedException>()).Which.Message.Should().Be(Refusal);
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);
        (await h.InstanceAsync(started.Id)).Variables["decision"].Should().Be("aucune");
        (await h.HistoryAsync(started.Id, "TaskCompleted")).Should().BeEmpty();
        log.Entries.Should().BeEmpty("the listeners after the refusing one are not called");
    }

    [Fact]
    public async Task Execution_listeners_hear_start_and_end_of_an_activity_and_take_of_a_flow()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work">
              <extensionElements>
                <camunda:executionListener event="start" delegateExpression="${execLog}" />
                <camunda:executionListener event="end" delegateExpression="${execLog}" />
              </extensionElements>
            </serviceTask>
            <endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="w">
              <extensionElements><camunda:executionListener event="take" delegateExpression="${execLog}" /></extensionElements>
            </sequenceFlow>
            <sequenceFlow id="f2" sourceRef="w" targetRef="e" />
            """));

        var started = await h.StartAsync("p");

        log.Entries.Select(e => (e.Event, e.ActivityId)).Should().Equal(("take", "s"), ("start", "w"), ("end", "w"));
        log.Entries.Should().OnlyContain(e => e.InstanceId == started.Id && e.TaskId == null);
        h.Script.CallsTo("work").Should().Be(1);
    }

    [Fact]
    public async Task An_end_listener_runs_after_the_work_and_a_start_listener_before_it()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t" name="t">
              <extensionElements>
                <camunda:executionListener event="start" delegateExpression="${execLog}" />
                <camunda:executionListener event="end" delegateExpression="${execLog}" />
              </extensionElements>
            </userTask>
            <endEvent id="e" />
            """ + Chain("s", "t", "e")));
        var started = await h.StartAsync("p");
        log.Entries.Select(e => e.Event).Should().Equal("start");

        await h.CompleteAsync(started.Id, "t");

        log.Entries.Select(e => e.Event).Should().Equal("start", "end");
    }

    [Fact]
    public async Task Cancelled_activities_hear_end_innermost_first_but_not_one_still_waiting_to_start()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        const string listeners = """
            <extensionElements>
              <camunda:executionListener event="start" delegateExpression="${execLog}" />
              <camunda:executionListener event="end" delegateExpression="${execLog}" />
            </extensionElements>
            """;
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <subProcess id="sub">
              {listeners}
              <startEvent id="ss" />
              <parallelGateway id="fork" />
              <userTask id="t" name="t">{listeners}</userTask>
              <serviceTask id="later" camunda:type="external" camunda:topic="work" camunda:asyncBefore="true">{listeners}</serviceTask>
              <endEvent id="se" />
              {Flow("ss", "fork")}{Flow("fork", "t")}{Flow("fork", "later")}{Flow("t", "se")}{Flow("later", "se")}
            </subProcess>
            <boundaryEvent id="deadline" attachedToRef="sub"><messageEventDefinition messageRef="Msg_Reply" /></boundaryEvent>
            <endEvent id="e" />
            <endEvent id="late" />
            {Flow("s", "sub")}{Flow("sub", "e")}{Flow("deadline", "late")}
            """));
        var started = await h.StartAsync("p", businessKey: "REC-1");
        log.Entries.Select(e => (e.Event, e.ActivityId)).Should().Equal(("start", "sub"), ("start", "t"));
        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle("'later' waits for its asyncBefore job");

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, null, Actor.System)).Should().Be(1);

        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
        log.Entries.Select(e => (e.Event, e.ActivityId)).Should().Equal(
            ("start", "sub"), ("start", "t"), ("end", "t"), ("end", "sub"));
        h.Script.CallsTo("work").Should().Be(0);
    }

    [Fact]
    public async Task Listeners_can_set_variables()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" name="t" camunda:candidateUsers="alice">
              <extensionElements>
                {TaskListeners(("create", "stamp"), ("complete", "stamp"))}
                <camunda:executionListener event="start" delegateExpression="${"{"}execStamp{"}"}" />
              </extensionElements>
            </userTask>
            <endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="t" />
            <sequenceFlow id="f2" sourceRef="t" targetRef="e">
              <extensionElements><camunda:executionListener event="take" delegateExpression="${"{"}execStamp{"}"}" /></extensionElements>
            </sequenceFlow>
            """));
        var started = await h.StartAsync("p");
        var waiting = await h.InstanceAsync(started.Id);
        waiting.Variables.Should().Contain("task_create", "t").And.Contain("exec_start", "t");

        await h.CompleteAsync(started.Id, "t", actor: Alice);

        var ended = await h.InstanceAsync(started.Id);
        ended.State.Should().Be("Completed");
        ended.Variables.Should().Contain("task_complete", "t").And.Contain("exec_take", "t");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().Contain(e => e.EventType == "VariableSet" && e.VariableName == "task_complete");
    }
}

internal sealed record ListenerEntry(string Event, string ActivityId, Guid InstanceId, Guid? TaskId, string? Assignee, string? UserId,
    IReadOnlyDictionary<string, object?> Variables);

internal sealed class ListenerLog
{
    private readonly ConcurrentQueue<ListenerEntry> _entries = new();
    public IReadOnlyList<ListenerEntry> Entries => _entries.ToList();

    public void Add(ListenerContext c) =>
        _entries.Enqueue(new ListenerEntry(c.EventName, c.ActivityId, c.ProcessInstanceId, c.TaskId, c.Assignee, c.UserId,
            new Dictionary<string, object?>(c.Variables)));
}

internal sealed class LoggingTaskListener(ListenerLog log) : ITaskListener
{
    public Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken)
    {
        log.Add(context);
        return Task.CompletedTask;
    }
}

internal sealed class LoggingExecutionListener(ListenerLog log) : IExecutionListener
{
    public Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken)
    {
        log.Add(context);
        return Task.CompletedTask;
    }
}

/// <summary>Refuses a reviewer named in the comma list variable <c>personnesVisees</c>.</summary>
internal sealed class IndependenceListener : ITaskListener
{
    public Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken)
    {
        var named = (context.Variables.GetValueOrDefault("personnesVisees") as string ?? "").Split(',');
        if (context.Assignee is { } assignee && named.Contains(assignee))
            throw new RejectedException("Le réviseur ne peut pas être une personne visée par la réclamation");
        return Task.CompletedTask;
    }
}

internal sealed class StampingTaskListener : ITaskListener
{
    public Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken)
    {
        context.SetVariable("task_" + context.EventName, context.ActivityId);
        return Task.CompletedTask;
    }
}

internal sealed class StampingExecutionListener : IExecutionListener
{
    public Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken)
    {
        context.SetVariable("exec_" + context.EventName, context.ActivityId);
        return Task.CompletedTask;
    }
}
