using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Operators.OperatorActors;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Operators;

public sealed class CorrelationTests
{
    /// <summary>s → prepare (user task) → reply (catch client-reply) → e.</summary>
    private static readonly string WaitsForReply = Process("p", """
        <startEvent id="s" />
        <userTask id="prepare" name="prepare" />
        <intermediateCatchEvent id="reply"><messageEventDefinition messageRef="Msg_Reply" /></intermediateCatchEvent>
        <endEvent id="e" />
        """ + Chain("s", "prepare", "reply", "e"));

    private static async Task<(EngineHarness H, Guid First, Guid Second)> TwoWaitingAsync()
    {
        var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WaitsForReply);
        var first = await h.StartAsync("p", Vars.Of(("claimNumber", "C-1")), businessKey: "REC-1");
        var second = await h.StartAsync("p", Vars.Of(("claimNumber", "C-2")), businessKey: "REC-2");
        await h.CompleteAsync(first.Id, "prepare");
        await h.CompleteAsync(second.Id, "prepare");
        return (h, first.Id, second.Id);
    }

    private static Task<CorrelationResult> SendAsync(EngineHarness h, CorrelationRequest request) =>
        h.Engine.CorrelateMessageAsync(request, Actor.System);

    [Fact]
    public async Task Exactly_one_match_is_delivered_several_are_409_naming_the_count_none_is_404()
    {
        var (h, first, second) = await TwoWaitingAsync();
        await using var _ = h;

        var several = () => SendAsync(h, new CorrelationRequest("client-reply"));
        await several.Should().ThrowAsync<ConflictException>().WithMessage("*matches 2 *");
        var none = () => SendAsync(h, new CorrelationRequest("client-reply", BusinessKey: "REC-404"));
        await none.Should().ThrowAsync<NotFoundException>().WithMessage("*client-reply*REC-404*");
        (await h.InstanceAsync(first)).State.Should().Be("Active");

        var one = await SendAsync(h, new CorrelationRequest("client-reply", BusinessKey: "REC-2", Variables: Vars.Of(("satisfied", true))));
        one.Should().BeEquivalentTo(new CorrelationResult(1, [second]));
        (await h.InstanceAsync(second)).Variables["satisfied"].Should().Be(true);
        (await h.InstanceAsync(first)).State.Should().Be("Active");
    }

    [Fact]
    public async Task All_delivers_to_every_match_and_instance_id_narrows_to_one()
    {
        var (h, first, second) = await TwoWaitingAsync();
        await using var _ = h;

        (await SendAsync(h, new CorrelationRequest("client-reply", ProcessInstanceId: first))).ProcessInstanceIds.Should().Equal(first);
        var third = await h.StartAsync("p");
        await h.CompleteAsync(third.Id, "prepare");
        var all = await SendAsync(h, new CorrelationRequest("client-reply", All: true));
        all.ProcessInstanceIds.Should().BeEquivalentTo([second, third.Id]);
    }

    [Fact]
    public async Task Correlation_keys_match_instance_variables_by_value_and_type()
    {
        var (h, first, second) = await TwoWaitingAsync();
        await using var _ = h;

        var wrongType = () => SendAsync(h, new CorrelationRequest("client-reply", CorrelationKeys: Vars.Of(("claimNumber", 1L))));
        await wrongType.Should().ThrowAsync<NotFoundException>().WithMessage("*claimNumber*");
        (await SendAsync(h, new CorrelationRequest("client-reply", CorrelationKeys: Vars.Of(("claimNumber", "C-1")))))
            .ProcessInstanceIds.Should().Equal(first);
        (await h.InstanceAsync(second)).State.Should().Be("Active");
    }

    [Fact]
    public async Task A_suspended_instance_is_not_matched()
    {
        var (h, first, _) = await TwoWaitingAsync();
        await using var __ = h;
        await h.Engine.SuspendProcessInstanceAsync(first, Operator);

        var toSuspended = () => SendAsync(h, new CorrelationRequest("client-reply", BusinessKey: "REC-1"));
        await toSuspended.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task A_buffered_message_is_delivered_once_when_the_process_comes_to_wait_for_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WaitsForReply);
        var first = await h.StartAsync("p", businessKey: "REC-1");
        var second = await h.StartAsync("p", businessKey: "REC-1");

        var buffered = await SendAsync(h, new CorrelationRequest("client-reply", BusinessKey: "REC-1", Variables: Vars.Of(("satisfied", false)),
            TimeToLive: TimeSpan.FromHours(1)));
        buffered.Buffered.Should().BeTrue();
        buffered.ExpiresAt.Should().Be(EngineHarness.Epoch.AddHours(1));
        (await h.HistoryAsync(first.Id, "MessageCorrelated")).Should().BeEmpty();

        h.Clock.Advance(TimeSpan.FromMinutes(10));
        await h.CompleteAsync(first.Id, "prepare");
        await h.CompleteAsync(second.Id, "prepare");

        var delivered = await h.InstanceAsync(first.Id);
        delivered.State.Should().Be("Completed");
        delivered.Variables["satisfied"].Should().Be(false);
        (await h.HistoryAsync(first.Id, "MessageCorrelated")).Should().Equal("reply");
        (await h.InstanceAsync(second.Id)).ActiveActivityIds.Should().Equal(new[] { "reply" }, "the buffered message is delivered once");
        await using var db = h.OpenDb();
        db.BufferedMessages.Should().BeEmpty();
    }

    [Fact]
    public async Task A_buffered_message_expires_unless_a_subscription_comes_in_time()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WaitsForReply);
        var started = await h.StartAsync("p", businessKey: "REC-1");
        await SendAsync(h, new CorrelationRequest("client-reply", BusinessKey: "REC-1", TimeToLive: TimeSpan.FromHours(1)));

        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.CompleteAsync(started.Id, "prepare");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("reply");
        var cleanup = await h.Engine.CleanupHistoryAsync(Operator);
        cleanup.OtherRows.Should().Be(1, "the cleanup deletes the expired message");
        await using var db = h.OpenDb();
        db.BufferedMessages.Should().BeEmpty();
    }

    [Fact]
    public async Task A_buffered_message_waits_for_the_matching_business_key()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(WaitsForReply);
        var other = await h.StartAsync("p", businessKey: "REC-2");
        var target = await h.StartAsync("p", businessKey: "REC-1");
        await SendAsync(h, new CorrelationRequest("client-reply", BusinessKey: "REC-1", TimeToLive: TimeSpan.FromHours(1)));

        await h.CompleteAsync(other.Id, "prepare");
        await h.CompleteAsync(target.Id, "prepare");

        (await h.InstanceAsync(other.Id)).State.Should().Be("Active");
        (await h.InstanceAsync(target.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task A_message_with_the_callers_writes_runs_them_first_delivers_nothing_when_they_fail_and_all_when_they_pass()
    {
        var (h, first, second) = await TwoWaitingAsync();
        await using var _ = h;
        var seen = 0;

        var failing = () => h.Engine.CorrelateMessageAsync(
            new CorrelationRequest("client-reply", CorrelationKeys: Vars.Of(("claimNumber", "C-1"))),
            transaction =>
            {
                transaction.Connection.Should().NotBeNull("the caller writes on the engine's connection");
                seen++;
                throw new InvalidOperationException("the caller's write failed");
            },
            Actor.System);
        await failing.Should().ThrowAsync<InvalidOperationException>();
        seen.Should().Be(1);
        (await h.InstanceAsync(first)).State.Should().Be("Active", "nothing was delivered when the caller's write failed");

        var delivered = await h.Engine.CorrelateMessageAsync(
            new CorrelationRequest("client-reply", CorrelationKeys: Vars.Of(("claimNumber", "C-1"))), _ => Task.CompletedTask, Actor.System);
        delivered.ProcessInstanceIds.Should().Equal(first);
        (await h.InstanceAsync(first)).State.Should().Be("Completed");
        (await h.InstanceAsync(second)).State.Should().Be("Active");
        var nothing = await h.Engine.CorrelateMessageAsync(
            new CorrelationRequest("client-reply", BusinessKey: "REC-404"), _ => Task.CompletedTask, Actor.System);
        nothing.Correlated.Should().Be(0, "nothing waiting is no error when the caller's writes are what matters");
    }
}
