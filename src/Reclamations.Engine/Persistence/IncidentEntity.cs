namespace Reclamations.Engine.Persistence;

/// <summary>A job that failed with no retries left (the instance waits until an operator retries it), or a command that went
/// past its step budget (<see cref="JobId"/> is then the job it ran, if any).</summary>
public sealed class IncidentEntity
{
    public Guid Id { get; set; }
    public Guid? JobId { get; set; }
    public Guid? ProcessInstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
