namespace Reclamations.Domain.Mail;

/// <summary>Where outbox items live (EF Core implementation in the persistence layer).</summary>
public interface IOutboxStore
{
    /// <summary>Pending items whose next attempt is due at <paramref name="now"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OutboxMessage>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Marks an item sent: it is never returned by <see cref="GetDueAsync"/> again.</summary>
    Task MarkSentAsync(Guid id, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt (the attempt count goes up by one). With a next attempt time the
    /// item stays pending until then; with <c>null</c> it is <see cref="OutboxStatus.Failed"/> for good.
    /// </summary>
    Task MarkFailedAsync(Guid id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default);
}
