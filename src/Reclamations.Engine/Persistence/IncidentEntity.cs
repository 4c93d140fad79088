namespace Reclamations.Engine.Persistence;

/// <summary>A job that failed with no retries left; the instance waits until an operator retries it.</summary>
public sealed class IncidentEntity
{
    public Guid Id { get; set; }
    public Guid JobId { get; set; }
    public Guid? ProcessInstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
