namespace Reclamations.Engine.Persistence;

public enum ProcessInstanceState { Active, Completed, Terminated }

public sealed class ProcessInstanceEntity
{
    public Guid Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public ProcessInstanceState State { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>For an instance started by a call activity: the caller's execution and instance.</summary>
    public Guid? SuperExecutionId { get; set; }
    public Guid? SuperProcessInstanceId { get; set; }

    /// <summary>Optimistic concurrency: bumped by every command that changes the instance.</summary>
    public long Revision { get; set; }
}
