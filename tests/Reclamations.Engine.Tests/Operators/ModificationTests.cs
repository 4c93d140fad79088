using Microsoft.Extensions.DependencyInjection;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Operators.OperatorActors;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Operators;

public sealed class ModificationTests
{
    /// <summary>s → a → b → (sub: si → inner → se) → c → e; a has an end listener, sub a start listener.</summary>
    private static readonly string Chainish = Process("p", $"""
        <startEvent id="s" />
        <userTask id="a" name="a">
          <extensionElements><camunda:executionListener event="end" delegateExpression="${"{"}execLog{"}"}" /></extensionElements>
        </userTask>
        <userTask id="b" name="b" />
        <subProcess id="sub">
          <extensionElements><camunda:executionListener event="start" delegateExpression="${"{"}execLog{"}"}" /></extensionElements>
          <startEvent id="si" /><userTask id="inner" name="inner" /><endEvent id="se" />
          {Chain("si", "inner", "se")}
        </subProcess>
        <userTask id="c" name="c" />
        <endEvent id="e" />
        """ + Chain("s", "a", "b", "sub", "c", "e"));

    private static Task<EngineHarness> StartAsync(ListenerLog log) => EngineHarness.StartAsync(b =>
    {
        b.Services.AddSingleton(log);
        b.AddExecutionListener<LoggingExecutionListener>("execLog");
    });

    private static ModificationInstruction Cancel(string activityId) => new(ModificationKind.Cancel, activityId);
    private static ModificationInstruction Before(string activityId) => new(ModificationKind.StartBeforeActivity, activityId);
    private static ModificationInstruction After(string activityId) => new(ModificationKind.StartAfterActivity, activityId);

    private static Task ModifyAsync(EngineHarness h, Guid id, params ModificationInstruction[] instructions) =>
        h.Engine.ModifyProcessInstanceAsync(id, new ProcessInstanceModification(instructions, "moved by support"), Operator);

    [Fact]
    public async Task Start_before_then_cancel_moves_the_token_with_the_end_listener_and_history_rows()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(Chainish);
        var started = await h.StartAsync("p");

        await ModifyAsync(h, started.Id, Before("c"), Cancel("a"));

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("c");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("c");
        log.Entries.Should().ContainSingle(e => e.Event == "end" && e.ActivityId == "a");
        var rows = await h.Engine.GetHistoryAsync(started.Id, Actor.System);
        rows.Should().ContainSingle(r => r.EventType == "ProcessModified" && r.UserId == "olga" && r.Details == "moved by support");
        rows.Should().ContainSingle(r => r.EventType == "ActivityCancelled" && r.ActivityId == "a" && r.UserId == "olga");
        rows.Should().ContainSingle(r => r.EventType == "TaskCreated" && r.ActivityId == "c" && r.UserId == "olga");
        await h.CompleteAsync(started.Id, "c");
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task Cancel_by_activity_instance_id_and_start_after_an_element()
    {
        await using var h = await StartAsync(new ListenerLog());
        await h.DeployAsync(Chainish);
        var started = await h.StartAsync("p");
        var a = (await h.Engine.GetActivityInstancesAsync(started.Id, Actor.System)).Should().ContainSingle(i => i.ActivityId == "a").Subject;
        a.ActivityType.Should().Be("userTask");

        await ModifyAsync(h, started.Id, After("a"), new ModificationInstruction(ModificationKind.Cancel, ActivityInstanceId: a.Id));

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("b");
    }

    [Fact]
    public async Task Starting_inside_a_subprocess_that_does_not_run_creates_it_with_its_start_listener()
    {
        var log = new ListenerLog();
        await using var h = await StartAsync(log);
        await h.DeployAsync(Chainish);
        var started = await h.StartAsync("p");

        await ModifyAsync(h, started.Id, Before("inner"), Cancel("a"));

        var tree = await h.Engine.GetActivityInstancesAsync(started.Id, Actor.System);
        var sub = tree.Should().ContainSingle(i => i.ActivityId == "sub").Subject;
        tree.Should().ContainSingle(i => i.ActivityId == "inner").Which.ParentId.Should().Be(sub.Id);
        log.Entries.Should().ContainSingle(e => e.Event == "start" && e.ActivityId == "sub");
        await h.CompleteAsync(started.Id, "inner");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal(new[] { "c" }, "the subprocess completed and left normally");
    }

    [Fact]
    public async Task Cancelling_the_last_token_ends_the_instance_as_cancelled()
    {
        await using var h = await StartAsync(new ListenerLog());
        await h.DeployAsync(Chainish);
        var started = await h.StartAsync("p");

        await ModifyAsync(h, started.Id, Cancel("a"));

        var instance = await h.InstanceAsync(started.Id);
        instance.State.Should().Be("Cancelled");
        (await h.HistoryAsync(started.Id, "ProcessCancelled")).Should().ContainSingle();
    }

    [Fact]
    public async Task An_invalid_instruction_refuses_the_whole_modification_and_nothing_changes()
    {
        await using var h = await StartAsync(new ListenerLog());
        await h.DeployAsync(Chainish);
        var started = await h.StartAsync("p");
        var before = await h.Engine.GetHistoryAsync(started.Id, Actor.System);

        var unknown = () => ModifyAsync(h, started.Id, Cancel("a"), Before("nope"));
        await unknown.Should().ThrowAsync<RejectedException>().WithMessage("*instructions[1]*'nope'*");
        var notRunning = () => ModifyAsync(h, started.Id, Cancel("c"));
        await notRunning.Should().ThrowAsync<RejectedException>().WithMessage("*'c'*");
        var afterEnd = () => ModifyAsync(h, started.Id, After("e"));
        await afterEnd.Should().ThrowAsync<RejectedException>().WithMessage("*0 outgoing flows*");
        var empty = () => ModifyAsync(h, started.Id);
        await empty.Should().ThrowAsync<RejectedException>();

        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().BeEquivalentTo(before);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("a");
    }

    [Fact]
    public async Task Moving_the_token_off_a_failed_job_resolves_its_incident()
    {
        await using var h = await StartAsync(new ListenerLog());
        await h.DeployAsync(Process("p", """<startEvent id="s" />""" + Service("w", "work", """camunda:asyncBefore="true" """,
                                             """<extensionElements><camunda:failedJobRetryTimeCycle>R0/PT1M</camunda:failedJobRetryTimeCycle></extensionElements>""")
                                         + UserTask("manual") + """<endEvent id="e" />""" + Chain("s", "w", "manual", "e")));
        h.Script.FailuresLeft["work"] = 1;
        var started = await h.StartAsync("p");
        await h.RunJobsAsync();
        (await h.Engine.GetIncidentsAsync()).Should().ContainSingle();

        await ModifyAsync(h, started.Id, Before("manual"), Cancel("w"));

        (await h.Engine.GetIncidentsAsync()).Should().BeEmpty();
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
        (await h.HistoryAsync(started.Id, "IncidentResolved")).Should().Equal("w");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("manual");
    }

    [Fact]
    public async Task A_suspended_instance_is_not_modified()
    {
        await using var h = await StartAsync(new ListenerLog());
        await h.DeployAsync(Chainish);
        var started = await h.StartAsync("p");
        await h.Engine.SuspendProcessInstanceAsync(started.Id, Operator);

        var modify = () => ModifyAsync(h, started.Id, Before("b"));
        await modify.Should().ThrowAsync<ConflictException>().WithMessage("*suspended*");
    }
}
