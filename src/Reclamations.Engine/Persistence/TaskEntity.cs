namespace Reclamations.Engine.Persistence;

/// <summary>An open user task.</summary>
public sealed class TaskEntity
{
    public Guid Id { get; set; }
    public Guid ProcessInstanceId { get; set; }
    public Guid ExecutionId { get; set; }
    public required string ProcessDefinitionId { get; set; }
    public required string ProcessDefinitionKey { get; set; }
    public string? BusinessKey { get; set; }
    public required string TaskDefinitionKey { get; set; }
    public string? Name { get; set; }
    public string? Assignee { get; set; }
    public string CandidateUsers { get; set; } = "";   // comma separated, as evaluated
    public string CandidateGroups { get; set; } = "";  // comma separated, as evaluated
    public DateTimeOffset? DueDate { get; set; }
    public DateTimeOffset? FollowUpDate { get; set; }
    public int Priority { get; set; } = 50;
    public string? FormKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
