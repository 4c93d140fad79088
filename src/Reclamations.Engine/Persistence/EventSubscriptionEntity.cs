namespace Reclamations.Engine.Persistence;

/// <summary>Something waits for a message: a catch event, receive task, boundary or event subprocess start
/// of an instance (<see cref="ProcessInstanceId"/> set), or a process's message start event (definition only).</summary>
public sealed class EventSubscriptionEntity
{
    public Guid Id { get; set; }
    public required string MessageName { get; set; }
    public Guid? ProcessInstanceId { get; set; }
    public Guid? ExecutionId { get; set; }
    public string? ProcessDefinitionId { get; set; }
    public required string ActivityId { get; set; }
    public string? BusinessKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
