namespace Reclamations.Engine.Persistence;

/// <summary>Terminated: by a terminate end event; Cancelled: by an operator (with a reason, in history).</summary>
public enum ProcessInstanceState { Active, Completed, Terminated, Cancelled }

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

    /// <summary>Suspended by an operator: its jobs are not acquired, its tasks cannot be worked on, no message reaches it.</summary>
    public bool IsSuspended { get; set; }

    /// <summary>Under a legal hold (litigation, inspection): the history cleanup never removes it.</summary>
    public bool LegalHold { get; set; }

    /// <summary>Who may read the instance (<see cref="Runtime.Readers"/> form, <c>,LegalPartner,Direction,</c>): the
    /// <c>readerGroups</c> of its definition and of its callers; null: unrestricted.</summary>
    public string? ReaderGroups { get; set; }

    /// <summary>Optimistic concurrency: bumped by every command that changes the instance.</summary>
    public long Revision { get; set; }
}
