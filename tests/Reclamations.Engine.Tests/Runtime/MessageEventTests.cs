using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Intermediate message catch events and receive tasks: correlation by business key or instance id.</summary>
public sealed class MessageEventTests
{
    private static readonly string CatchReply = Process("p", """
        <startEvent id="s" />
        <intermediateCatchEvent id="reply"><messageEventDefinition messageRef="Msg_Reply" /></intermediateCatchEvent>
        <userTask id="after" />
        """ + Chain("s", "reply", "after"));

    [Fact]
    public async Task Catch_message_by_business_key_moves_the_token_and_sets_the_message_variables()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(CatchReply);
        var started = await h.StartAsync("p", businessKey: "REC-1");
        started.ActiveActivityIds.Should().Equal("reply");

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, Vars.Of(("answer", "accepted")), Actor.System))
            .Should().Be(1);

        var instance = await h.InstanceAsync(started.Id);
        instance.ActiveActivityIds.Should().Equal("after");
        instance.Variables.Should().Contain("answer", "accepted");
        (await h.SingleTaskAsync(started.Id)).TaskDefinitionKey.Should().Be("after");
        (await h.HistoryAsync(started.Id, "MessageCorrelated")).Should().Equal("reply");
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "reply");

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, null, Actor.System)).Should().Be(0, "the subscription is gone");
    }

    [Fact]
    public async Task Catch_message_by_process_instance_id_reaches_only_that_instance()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(CatchReply);
        var first = await h.StartAsync("p", businessKey: "REC-1");
        var second = await h.StartAsync("p", businessKey: "REC-1");

        (await h.Engine.CorrelateMessageAsync("client-reply", null, second.Id, Vars.Of(("answer", "no")), Actor.System))
            .Should().Be(1);

        (await h.InstanceAsync(first.Id)).ActiveActivityIds.Should().Equal("reply");
        (await h.InstanceAsync(first.Id)).Variables.Should().NotContainKey("answer");
        (await h.InstanceAsync(second.Id)).ActiveActivityIds.Should().Equal("after");
        (await h.InstanceAsync(second.Id)).Variables.Should().Contain("answer", "no");
    }

    [Fact]
    public async Task Receive_task_waits_for_its_message()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <receiveTask id="wait" messageRef="Msg_Reply" />
            <serviceTask id="w" camunda:type="external" camunda:topic="work" />
            <endEvent id="e" />
            """ + Chain("s", "wait", "w", "e")));
        var started = await h.StartAsync("p", businessKey: "REC-7");
        started.ActiveActivityIds.Should().Equal("wait");
        h.Script.CallsTo("work").Should().Be(0);

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-7", null, Vars.Of(("documents", 3L)), Actor.System)).Should().Be(1);

        var ended = await h.InstanceAsync(started.Id);
        ended.State.Should().Be("Completed");
        ended.Variables.Should().Contain("documents", 3L);
        h.Script.CallsTo("work").Should().Be(1);
        h.Script.Calls.Single(c => c.Topic == "work").Variables.Should().Contain("documents", 3L);
        (await h.HistoryAsync(started.Id, "ActivityCompleted")).Should().Equal("s", "wait", "w", "e");
    }

    [Fact]
    public async Task A_message_nothing_waits_for_returns_zero_and_changes_nothing()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(CatchReply);
        var started = await h.StartAsync("p", businessKey: "REC-1");
        var historyBefore = (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Count;

        (await h.Engine.CorrelateMessageAsync("press", "REC-1", null, Vars.Of(("x", 1L)), Actor.System)).Should().Be(0, "no one waits for press");
        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-2", null, Vars.Of(("x", 1L)), Actor.System)).Should().Be(0, "other business key");
        (await h.Engine.CorrelateMessageAsync("client-reply", null, Guid.NewGuid(), null, Actor.System)).Should().Be(0, "unknown instance");

        var instance = await h.InstanceAsync(started.Id);
        instance.ActiveActivityIds.Should().Equal("reply");
        instance.Variables.Should().NotContainKey("x");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().HaveCount(historyBefore);
        (await h.Engine.FindProcessInstancesAsync("REC-2")).Should().BeEmpty();

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, null, Actor.System)).Should().Be(1, "the subscription is still there");
    }

    [Fact]
    public async Task A_message_to_two_waiting_instances_with_the_same_business_key_reaches_both()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(CatchReply);
        var first = await h.StartAsync("p", businessKey: "REC-1");
        var second = await h.StartAsync("p", businessKey: "REC-1");
        var other = await h.StartAsync("p", businessKey: "REC-9");

        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-1", null, Vars.Of(("answer", "yes")), Actor.System)).Should().Be(2);

        foreach (var id in new[] { first.Id, second.Id })
        {
            var instance = await h.InstanceAsync(id);
            instance.ActiveActivityIds.Should().Equal("after");
            instance.Variables.Should().Contain("answer", "yes");
        }
        (await h.InstanceAsync(other.Id)).ActiveActivityIds.Should().Equal("reply");
    }
    [Fact]
    public async Task A_message_addressed_to_an_instance_that_does_not_wait_for_it_starts_no_new_instance()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <startEvent id="byMessage"><messageEventDefinition messageRef="Msg_Go" /></startEvent>
            <userTask id="t" />
            """ + Chain("s", "t") + Chain("byMessage", "t")));
        var started = await h.StartAsync("p", businessKey: "REC-1");

        (await h.Engine.CorrelateMessageAsync("go", null, started.Id, null, Actor.System)).Should().Be(0);

        (await h.Engine.QueryTasksAsync(new Api.TaskQuery(), Actor.System)).Should().ContainSingle("no instance was started by the message");
        (await h.Engine.CorrelateMessageAsync("go", "REC-2", null, null, Actor.System)).Should().Be(1, "without an instance id the message start event still answers");
    }
}
