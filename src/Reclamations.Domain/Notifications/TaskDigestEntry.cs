namespace Reclamations.Domain.Notifications;

/// <summary>A task already listed in a user's digest (kept while the task can still fall in a run's window, so that a task
/// created at the very instant of a run is listed once, never twice).</summary>
public sealed class TaskDigestEntry
{
    public required string UserId { get; init; }

    public Guid TaskId { get; init; }

    public DateTimeOffset TaskCreatedAt { get; init; }
}
