using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Event-based gateway: the first event wins, the others are withdrawn.</summary>
public sealed class EventBasedGatewayTests
{
    private static readonly string ReplyOrTimeout = Process("p", $"""
        <startEvent id="s" />
        <eventBasedGateway id="g" />
        <intermediateCatchEvent id="reply"><messageEventDefinition messageRef="Msg_Reply" /></intermediateCatchEvent>
        <intermediateCatchEvent id="timeout">{Timer("timeDuration", "P10D")}</intermediateCatchEvent>
        <userTask id="replied" />
        <userTask id="remind" />
        """ + Chain("s", "g") + Chain("g", "reply", "replied") + Chain("g", "timeout", "remind"));

    [Fact]
    public async Task Message_wins_over_the_timer_and_the_timer_job_is_gone()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ReplyOrTimeout);
        var started = await h.StartAsync("p", businessKey: "REC-1");
        started.ActiveActivityIds.Should().Equal("g");
        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Which.ActivityId.Should().Be("timeout");

        (await h.AdvanceAsync(TimeSpan.FromDays(3))).Should().Be(0);
        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, Vars.Of(("answer", "ok")), Actor.System)).Should().Be(1);

        var instance = await h.InstanceAsync(started.Id);
        instance.ActiveActivityIds.Should().Equal("replied");
        instance.Variables.Should().Contain("answer", "ok");
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromDays(10))).Should().Be(0);
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("replied");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "g", "reply");
    }

    [Fact]
    public async Task Timer_wins_over_the_message_and_a_later_message_finds_nothing()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ReplyOrTimeout);
        var started = await h.StartAsync("p", businessKey: "REC-1");

        (await h.AdvanceAsync(TimeSpan.FromDays(10) - TimeSpan.FromSeconds(1))).Should().Be(0);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("g");
        (await h.AdvanceAsync(TimeSpan.FromSeconds(1))).Should().Be(1);

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("remind");
        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, Vars.Of(("answer", "late")), Actor.System)).Should().Be(0);
        var instance = await h.InstanceAsync(started.Id);
        instance.ActiveActivityIds.Should().Equal("remind");
        instance.Variables.Should().NotContainKey("answer");
        (await h.TasksAsync(started.Id)).Select(t => t.TaskDefinitionKey).Should().Equal("remind");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "g", "timeout");
    }

    [Fact]
    public async Task Gateway_waits_survive_a_restart()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(ReplyOrTimeout);
        var started = await h.StartAsync("p", businessKey: "REC-1");

        await h.RestartAsync();

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, null, Actor.System)).Should().Be(1);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("replied");
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
    }
    [Fact]
    public async Task Reminder_loop_re_arms_the_gateway_after_each_timeout_until_the_reply_comes()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", $"""
            <startEvent id="s" />
            <eventBasedGateway id="g" />
            <intermediateCatchEvent id="reply"><messageEventDefinition messageRef="Msg_Reply" /></intermediateCatchEvent>
            <intermediateCatchEvent id="timeout">{Timer("timeDuration", "P10D")}</intermediateCatchEvent>
            <serviceTask id="remind" camunda:type="external" camunda:topic="send-mail" />
            <userTask id="replied" />
            """ + Chain("s", "g") + Chain("g", "reply", "replied") + Chain("g", "timeout", "remind", "g")));
        var started = await h.StartAsync("p", businessKey: "REC-1");

        (await h.AdvanceAsync(TimeSpan.FromDays(10))).Should().Be(1);
        h.Script.CallsTo("send-mail").Should().Be(1);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("g");
        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle().Which.DueAt.Should().Be(EngineHarness.Epoch.AddDays(20));

        await h.RestartAsync();
        (await h.AdvanceAsync(TimeSpan.FromDays(10))).Should().Be(1);
        h.Script.CallsTo("send-mail").Should().Be(2);

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, null, Actor.System)).Should().Be(1);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("replied");
        (await h.Engine.GetJobsAsync(started.Id)).Should().BeEmpty();
        (await h.AdvanceAsync(TimeSpan.FromDays(30))).Should().Be(0);
        h.Script.CallsTo("send-mail").Should().Be(2);
    }
}
