using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Timer and message start events, and which version they start after a redeployment.</summary>
public sealed class StartEventTests
{
    private static readonly TimeSpan Paris = TimeSpan.FromHours(1);

    private static Task<IReadOnlyList<TaskInfo>> AllTasksAsync(EngineHarness h) => h.Engine.QueryTasksAsync(new TaskQuery(), Actor.System);

    [Fact]
    public async Task Timer_start_with_a_date_starts_one_instance_at_that_date()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s">{Timer("timeDate", "2026-03-03T08:00:00+01:00")}</startEvent>
            <userTask id="t" />
            """ + Chain("s", "t")));
        var due = new DateTimeOffset(2026, 3, 3, 8, 0, 0, Paris);
        var job = (await h.Engine.GetJobsAsync()).Should().ContainSingle().Subject;
        job.Kind.Should().Be("TimerStart");
        job.DueAt.Should().Be(due);

        (await h.AdvanceAsync(due - h.Clock.GetUtcNow() - TimeSpan.FromSeconds(1))).Should().Be(0);
        (await AllTasksAsync(h)).Should().BeEmpty();

        (await h.AdvanceAsync(TimeSpan.FromSeconds(1))).Should().Be(1);
        var task = (await AllTasksAsync(h)).Should().ContainSingle().Subject;
        task.TaskDefinitionKey.Should().Be("t");
        var instance = await h.InstanceAsync(task.ProcessInstanceId);
        instance.State.Should().Be("Active");
        instance.StartedAt.Should().Be(due);
        (await h.HistoryAsync(instance.Id, "TimerFired")).Should().Equal("s");

        (await h.Engine.GetJobsAsync()).Should().BeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromDays(30))).Should().Be(0);
        (await AllTasksAsync(h)).Should().ContainSingle();
    }

    [Fact]
    public async Task Timer_start_with_cycle_R2_PT1H_starts_two_instances_an_hour_apart()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s">{Timer("timeCycle", "R2/PT1H")}</startEvent>
            <userTask id="t" />
            """ + Chain("s", "t")));

        (await h.AdvanceAsync(TimeSpan.FromMinutes(59))).Should().Be(0);
        (await AllTasksAsync(h)).Should().BeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromMinutes(1))).Should().Be(1);
        (await AllTasksAsync(h)).Should().ContainSingle();
        (await h.Engine.GetJobsAsync()).Should().ContainSingle().Which.DueAt.Should().Be(EngineHarness.Epoch.AddHours(2));

        (await h.AdvanceAsync(TimeSpan.FromMinutes(59))).Should().Be(0);
        (await h.AdvanceAsync(TimeSpan.FromMinutes(1))).Should().Be(1);
        var tasks = await AllTasksAsync(h);
        tasks.Should().HaveCount(2);
        tasks.Select(t => t.ProcessInstanceId).Distinct().Should().HaveCount(2);

        (await h.Engine.GetJobsAsync()).Should().BeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromDays(1))).Should().Be(0);
        (await AllTasksAsync(h)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Message_start_starts_an_instance_with_the_business_key_and_the_message_variables()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s"><messageEventDefinition messageRef="Msg_Go" /></startEvent>
            <userTask id="t" />
            """ + Chain("s", "t")));

        (await h.Engine.CorrelateMessageAsync("go", "REC-2026-001", null, Vars.Of(("channel", "mail"), ("amount", 250L)), Actor.System))
            .Should().Be(1);

        var id = (await h.Engine.FindProcessInstancesAsync("REC-2026-001")).Should().ContainSingle().Subject;
        var instance = await h.InstanceAsync(id);
        instance.State.Should().Be("Active");
        instance.BusinessKey.Should().Be("REC-2026-001");
        instance.ActiveActivityIds.Should().Equal("t");
        instance.Variables.Should().Contain("channel", "mail").And.Contain("amount", 250L);
        (await h.SingleTaskAsync(id)).BusinessKey.Should().Be("REC-2026-001");
        (await h.HistoryAsync(id, "ActivityCompleted")).Should().Equal("s");

        // The start subscription stays: a second message starts a second instance.
        (await h.Engine.CorrelateMessageAsync("go", "REC-2026-002", null, null, Actor.System)).Should().Be(1);
        (await h.Engine.FindProcessInstancesAsync("REC-2026-002")).Should().ContainSingle();
        (await AllTasksAsync(h)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Redeploying_a_changed_file_moves_message_and_timer_start_triggers_to_the_new_version_only()
    {
        await using var h = await EngineHarness.StartAsync();
        string File(string taskName) => Process("p", $"""
            <startEvent id="byMessage"><messageEventDefinition messageRef="Msg_Go" /></startEvent>
            <startEvent id="byTimer">{Timer("timeDuration", "PT1H")}</startEvent>
            <userTask id="t" name="{taskName}" />
            """ + Chain("byMessage", "t") + Chain("byTimer", "t"));
        (await h.DeployAsync(File("first"))).Version.Should().Be(1);
        (await h.Engine.GetJobsAsync()).Should().ContainSingle();

        var v2 = await h.DeployAsync(File("second"));
        v2.Version.Should().Be(2);
        v2.IsNew.Should().BeTrue();
        (await h.Engine.GetJobsAsync()).Should().ContainSingle("the version 1 start timer is gone");

        (await h.Engine.CorrelateMessageAsync("go", "BK-M", null, null, Actor.System)).Should().Be(1, "only version 2 listens for the message");
        (await h.AdvanceAsync(TimeSpan.FromHours(1))).Should().Be(1, "only version 2 has a start timer");

        var tasks = await AllTasksAsync(h);
        tasks.Should().HaveCount(2);
        tasks.Should().OnlyContain(t => t.Name == "second");
        foreach (var task in tasks) (await h.InstanceAsync(task.ProcessInstanceId)).DefinitionVersion.Should().Be(2);

        // Deploying the same file again keeps version 2 and its triggers.
        (await h.DeployAsync(File("second"))).IsNew.Should().BeFalse();
        (await h.Engine.CorrelateMessageAsync("go", "BK-M2", null, null, Actor.System)).Should().Be(1);
        (await AllTasksAsync(h)).Should().HaveCount(3);
    }
    [Fact]
    public async Task Redeploying_leaves_running_instances_on_their_version_with_their_waits()
    {
        await using var h = await EngineHarness.StartAsync();
        string File(string taskName) => Process("p", $"""
            <startEvent id="s" />
            <receiveTask id="wait" messageRef="Msg_Reply" />
            <intermediateCatchEvent id="pause">{Timer("timeDuration", "PT1H")}</intermediateCatchEvent>
            <userTask id="t" name="{taskName}" />
            """ + Chain("s", "wait", "pause", "t"));
        await h.DeployAsync(File("first"));
        var old = await h.StartAsync("p", businessKey: "REC-1");

        (await h.DeployAsync(File("second"))).Version.Should().Be(2);

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, null, Actor.System)).Should().Be(1);
        (await h.AdvanceAsync(TimeSpan.FromHours(1))).Should().Be(1);
        var instance = await h.InstanceAsync(old.Id);
        instance.DefinitionVersion.Should().Be(1);
        instance.ActiveActivityIds.Should().Equal("t");
        (await h.SingleTaskAsync(old.Id)).Name.Should().Be("first");
        (await h.StartAsync("p")).DefinitionVersion.Should().Be(2);
    }
    [Fact]
    public async Task A_process_with_only_a_message_start_cannot_be_started_directly()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s"><messageEventDefinition messageRef="Msg_Go" /></startEvent>
            <userTask id="t" />
            """ + Chain("s", "t")));

        var start = () => h.StartAsync("p", businessKey: "REC-1");

        await start.Should().ThrowAsync<Reclamations.Engine.Runtime.ProcessEngineException>().WithMessage("*no none start event*message*");
        (await h.Engine.FindProcessInstancesAsync("REC-1")).Should().BeEmpty();
    }
}
