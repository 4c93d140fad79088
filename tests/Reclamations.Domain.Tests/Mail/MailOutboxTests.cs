using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reclamations.Domain.Mail;

namespace Reclamations.Domain.Tests.Mail;

public sealed class MailOutboxTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 14, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly InMemoryOutboxStore _store = new();

    private MailOutbox Outbox(IMailTransport transport) =>
        new(_store, transport, _clock, OutboxRetryPolicy.Default, NullLogger<MailOutbox>.Instance);

    private OutboxMessage Enqueue(string messageId = "REC-2026-0042.a@exemple.fr") =>
        _store.Add(OutboxMessage.Enqueue(MailSamples.SimpleMail(messageId), _clock.GetUtcNow()));

    [Fact]
    public async Task Failures_back_off_1_min_5_min_30_min_2_h_6_h_24_h_then_fail_for_good()
    {
        var transport = new RecordingTransport(_clock, failures: int.MaxValue);
        var outbox = Outbox(transport);
        var item = Enqueue();

        // Run the outbox every minute for two days: attempts happen only when due.
        for (var minute = 0; minute <= 2 * 24 * 60; minute++)
        {
            await outbox.ProcessDueAsync();
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        transport.Attempts.Select(a => a.At - Start).Should().Equal(
            TimeSpan.Zero,
            TimeSpan.FromMinutes(1),
            TimeSpan.FromMinutes(6),
            TimeSpan.FromMinutes(36),
            TimeSpan.FromMinutes(156),
            TimeSpan.FromMinutes(516),
            TimeSpan.FromMinutes(1956));
        _store[item.Id].Status.Should().Be(OutboxStatus.Failed);
        _store[item.Id].Attempts.Should().Be(7);
        _store[item.Id].LastError.Should().Contain("SMTP server unreachable");
    }

    [Fact]
    public async Task A_retry_sends_the_same_message_id_and_success_stops_the_retries()
    {
        var transport = new RecordingTransport(_clock, failures: 2);
        var outbox = Outbox(transport);
        var item = Enqueue();

        (await outbox.ProcessDueAsync()).Should().Be(new OutboxRunResult(0, 1, 0));
        _clock.Advance(TimeSpan.FromMinutes(1));
        (await outbox.ProcessDueAsync()).Should().Be(new OutboxRunResult(0, 1, 0));
        _clock.Advance(TimeSpan.FromMinutes(5));
        (await outbox.ProcessDueAsync()).Should().Be(new OutboxRunResult(1, 0, 0));

        transport.Attempts.Select(a => a.MessageId).Should().AllBe(item.Mail.MessageId).And.HaveCount(3);
        _store[item.Id].Status.Should().Be(OutboxStatus.Sent);
        _store[item.Id].SentAt.Should().Be(Start.AddMinutes(6));
    }

    [Fact]
    public async Task A_sent_item_is_never_sent_again()
    {
        var transport = new RecordingTransport(_clock);
        var outbox = Outbox(transport);
        Enqueue();

        await outbox.ProcessDueAsync();
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            (await outbox.ProcessDueAsync()).Should().Be(new OutboxRunResult(0, 0, 0));
        }

        transport.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task An_item_the_store_reports_as_sent_is_skipped()
    {
        var transport = new RecordingTransport(_clock);
        var store = new StaleStore(OutboxMessage.Enqueue(MailSamples.SimpleMail("stale.1@exemple.fr"), Start) with { Status = OutboxStatus.Sent });
        var outbox = new MailOutbox(store, transport, _clock, OutboxRetryPolicy.Default, NullLogger<MailOutbox>.Instance);

        await outbox.ProcessDueAsync();

        transport.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Takes_at_most_the_batch_size_oldest_first()
    {
        var transport = new RecordingTransport(_clock);
        var outbox = Outbox(transport);
        for (var i = 0; i < 5; i++)
        {
            Enqueue($"m{i}@exemple.fr");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        (await outbox.ProcessDueAsync(max: 3)).Sent.Should().Be(3);

        transport.Attempts.Select(a => a.MessageId).Should().Equal("m0@exemple.fr", "m1@exemple.fr", "m2@exemple.fr");
    }

    /// <summary>A store whose read is stale: it returns an item already marked sent.</summary>
    private sealed class StaleStore(OutboxMessage item) : IOutboxStore
    {
        public Task<IReadOnlyList<OutboxMessage>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<OutboxMessage>>([item]);

        public Task MarkSentAsync(Guid id, DateTimeOffset sentAt, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task MarkFailedAsync(Guid id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default) =>
            Task.CompletedTask;
    }
}
