using Reclamations.Domain.Mail;

namespace Reclamations.Domain.Tests.Mail;

/// <summary>Test-only outbox store, to exercise the dispatch and back-off logic.</summary>
internal sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly Dictionary<Guid, OutboxMessage> _items = [];

    public OutboxMessage this[Guid id] => _items[id];

    public OutboxMessage Add(OutboxMessage message)
    {
        _items.Add(message.Id, message);
        return message;
    }

    public Task<IReadOnlyList<OutboxMessage>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<OutboxMessage> due = _items.Values
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt)
            .Take(max)
            .ToList();
        return Task.FromResult(due);
    }

    public Task MarkSentAsync(Guid id, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        _items[id] = _items[id] with { Status = OutboxStatus.Sent, SentAt = sentAt, Attempts = _items[id].Attempts + 1 };
        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(Guid id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default)
    {
        var item = _items[id];
        _items[id] = item with
        {
            Attempts = item.Attempts + 1,
            LastError = error,
            Status = nextAttemptAt is null ? OutboxStatus.Failed : OutboxStatus.Pending,
            NextAttemptAt = nextAttemptAt ?? item.NextAttemptAt,
        };
        return Task.CompletedTask;
    }
}
