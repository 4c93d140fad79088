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

    /// <summary>Who delegated the task (Camunda 7): it returns to them when the delegate resolves it.</summary>
    public string? Owner { get; set; }

    /// <summary><see cref="TaskDelegation.Pending"/> while the delegate works on it, <see cref="TaskDelegation.Resolved"/> once
    /// it is back with its owner; null when never delegated.</summary>
    public string? DelegationState { get; set; }
    public string CandidateUsers { get; set; } = "";   // comma separated, as evaluated
    public string CandidateGroups { get; set; } = "";  // comma separated, as evaluated
    public DateTimeOffset? DueDate { get; set; }
    public DateTimeOffset? FollowUpDate { get; set; }
    public int Priority { get; set; } = 50;
    public string? FormKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The instance's <see cref="ProcessInstanceEntity.ReaderGroups"/>, copied so that task queries filter without a join.</summary>
    public string? ReaderGroups { get; set; }
}
