using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Every kind of wait is a database row: a new host on the same file carries on where the old one stopped.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Pending_timer_fires_after_a_restart_and_the_waiting_task_can_still_be_completed()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <parallelGateway id="fork" />
            <userTask id="review"><extensionElements><camunda:formData><camunda:formField id="verdict" type="string" /></camunda:formData></extensionElements></userTask>
            <intermediateCatchEvent id="deadline">{Timer("timeDuration", "P10D")}</intermediateCatchEvent>
            <serviceTask id="mail" camunda:type="external" camunda:topic="send-mail" />
            <parallelGateway id="join" />
            <endEvent id="e" />
            """ + Chain("s", "fork") + Chain("fork", "review", "join") + Chain("fork", "deadline", "mail", "join") + Chain("join", "e")));
        var started = await h.StartAsync("p", Vars.Of(("client", "Dupont")));
        var task = await h.SingleTaskAsync(started.Id, "review");
        (await h.AdvanceAsync(TimeSpan.FromDays(4))).Should().Be(0);

        await h.RestartAsync();

        (await h.AdvanceAsync(TimeSpan.FromDays(6) - TimeSpan.FromSeconds(1))).Should().Be(0);
        h.Script.CallsTo("send-mail").Should().Be(0);
        (await h.AdvanceAsync(TimeSpan.FromSeconds(1))).Should().Be(1);
        h.Script.CallsTo("send-mail").Should().Be(1);
        h.Script.Calls.Single().Variables.Should().Contain("client", "Dupont");

        var waiting = await h.InstanceAsync(started.Id);
        waiting.ActiveActivityIds.Should().BeEquivalentTo(["review", "join"]);
        (await h.SingleTaskAsync(started.Id)).Id.Should().Be(task.Id);

        await h.RestartAsync();

        await h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("verdict", "founded")), Actor.System);
        var ended = await h.InstanceAsync(started.Id);
        ended.State.Should().Be("Completed");
        ended.Variables.Should().Contain("verdict", "founded").And.Contain("client", "Dupont");
    }

    [Fact]
    public async Task User_task_survives_a_restart_with_its_data()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t" name="Review the complaint" camunda:candidateGroups="Staff" />
            <endEvent id="e" />
            """ + Chain("s", "t", "e")));
        var started = await h.StartAsync("p", businessKey: "REC-1");
        var before = await h.SingleTaskAsync(started.Id);

        await h.RestartAsync();

        var after = await h.SingleTaskAsync(started.Id);
        after.Id.Should().Be(before.Id);
        after.Name.Should().Be("Review the complaint");
        after.CandidateGroups.Should().Equal("Staff");
        after.BusinessKey.Should().Be("REC-1");
        (await h.Engine.QueryTasksAsync(new TaskQuery(CandidateGroup: "Staff"), Actor.System)).Should().ContainSingle(t => t.Id == before.Id);
        await h.Engine.CompleteTaskAsync(after.Id, null, Actor.System);
        (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task Message_subscription_survives_a_restart()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <receiveTask id="wait" messageRef="Msg_Reply" />
            <userTask id="after" />
            """ + Chain("s", "wait", "after")));
        var started = await h.StartAsync("p", businessKey: "REC-1");

        await h.RestartAsync();

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, Vars.Of(("answer", "yes")), Actor.System)).Should().Be(1);
        var instance = await h.InstanceAsync(started.Id);
        instance.ActiveActivityIds.Should().Equal("after");
        instance.Variables.Should().Contain("answer", "yes");
    }

    [Fact]
    public async Task Boundary_timer_and_event_subprocess_subscription_survive_a_restart()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" />
            <boundaryEvent id="remind" attachedToRef="t" cancelActivity="false">{Timer("timeCycle", "R2/PT1H")}</boundaryEvent>
            <serviceTask id="mail" camunda:type="external" camunda:topic="send-mail" />
            <endEvent id="e" />
            <endEvent id="me" />
            <subProcess id="events" triggeredByEvent="true">
              <startEvent id="es"><messageEventDefinition messageRef="Msg_Press" /></startEvent>
              <userTask id="press" />
              <endEvent id="ee" />
              {Chain("es", "press", "ee")}
            </subProcess>
            """ + Chain("s", "t", "e") + Chain("remind", "mail", "me")));
        var started = await h.StartAsync("p", businessKey: "REC-1");

        await h.RestartAsync();
        (await h.AdvanceAsync(TimeSpan.FromHours(1))).Should().Be(1);
        await h.RestartAsync();
        (await h.AdvanceAsync(TimeSpan.FromHours(1))).Should().Be(1);
        h.Script.CallsTo("send-mail").Should().Be(2);
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();

        await h.RestartAsync();
        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, null, Actor.System)).Should().Be(1);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("press");
    }

    [Fact]
    public async Task Timer_start_event_survives_a_restart()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s">{Timer("timeDuration", "PT2H")}</startEvent>
            <userTask id="t" />
            """ + Chain("s", "t")));

        await h.RestartAsync();

        (await h.AdvanceAsync(TimeSpan.FromHours(2))).Should().Be(1);
        (await h.Engine.QueryTasksAsync(new TaskQuery(), Actor.System)).Should().ContainSingle(t => t.TaskDefinitionKey == "t");
    }
    [Fact]
    public async Task A_restarted_node_reclaims_the_locks_its_previous_run_left_and_runs_the_timer_at_once()
    {
        await using var h = await EngineHarness.StartAsync(options: o => o.LockDuration = TimeSpan.FromMinutes(30));
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <intermediateCatchEvent id="wait">{Timer("timeDuration", "PT1H")}</intermediateCatchEvent>
            <userTask id="after" />
            """ + Chain("s", "wait", "after")));
        var started = await h.StartAsync("p");
        h.Clock.Advance(TimeSpan.FromHours(1));
        (await h.Engine.AcquireJobsAsync(CancellationToken.None)).Should().ContainSingle("the old run locks the job for 30 minutes, then dies");

        await h.RestartAsync();

        (await h.RunJobsAsync()).Should().Be(1, "the same node id reclaims its own locks at once, without waiting for their expiry");
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("after");
        (await h.HistoryAsync(started.Id, "TimerFired")).Should().Equal("wait");
    }

    [Fact]
    public async Task A_cycle_missed_while_the_host_was_down_fires_once_then_keeps_its_schedule()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <userTask id="t" />
            <boundaryEvent id="hourly" attachedToRef="t" cancelActivity="false">{Timer("timeCycle", "R/PT1H")}</boundaryEvent>
            <serviceTask id="mail" camunda:type="external" camunda:topic="send-mail" />
            <endEvent id="me" />
            """ + Chain("s", "t") + Chain("hourly", "mail", "me")));
        var started = await h.StartAsync("p");
        (await h.AdvanceAsync(TimeSpan.FromHours(1))).Should().Be(1);

        // The host is down for a day and a half hour: 24 firings were missed.
        await h.RestartAsync();
        (await h.AdvanceAsync(TimeSpan.FromHours(24.5))).Should().Be(1, "a missed cycle fires once, not once per missed interval");
        h.Script.CallsTo("send-mail").Should().Be(2);
        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Which.DueAt.Should().Be(EngineHarness.Epoch.AddHours(26));

        (await h.AdvanceAsync(TimeSpan.FromMinutes(30))).Should().Be(1);
        h.Script.CallsTo("send-mail").Should().Be(3);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("t");
    }
}
