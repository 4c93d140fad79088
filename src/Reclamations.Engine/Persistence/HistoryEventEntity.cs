namespace Reclamations.Engine.Persistence;

/// <summary>One line of the audit trail: activity, task, variable, incident, message or instance event.</summary>
public sealed class HistoryEventEntity
{
    public long Id { get; set; }
    public Guid? ProcessInstanceId { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public required string EventType { get; set; }
    public string? ActivityId { get; set; }
    public string? ActivityType { get; set; }
    public Guid? ExecutionId { get; set; }
    public Guid? TaskId { get; set; }
    public string? UserId { get; set; }
    public string? VariableName { get; set; }
    public string? Value { get; set; }
    public string? Details { get; set; }

    /// <summary>Who may read <see cref="Value"/> (a restricted variable's row, <see cref="VariableEntity.ReaderGroups"/>); null: every reader.</summary>
    public string? ReaderGroups { get; set; }
}
