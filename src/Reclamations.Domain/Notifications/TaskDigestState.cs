namespace Reclamations.Domain.Notifications;

/// <summary>The one row of the task digest: up to when tasks were collected by the last digest run (engine time). Its
/// <see cref="Watermark"/> is the concurrency token, so two runs at once cannot both send.</summary>
public sealed class TaskDigestState
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;

    public DateTimeOffset Watermark { get; set; }

    /// <summary>The first run: tasks created before it are not new to anyone.</summary>
    public DateTimeOffset StartedAt { get; init; }
}
