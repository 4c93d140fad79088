namespace Reclamations.Engine.Persistence;

public enum JobKind { AsyncBefore, AsyncAfter, Timer, TimerStart }

/// <summary>Work to do at <see cref="DueAt"/>: a timer or an asynchronous continuation.</summary>
public sealed class JobEntity
{
    public Guid Id { get; set; }
    public JobKind Kind { get; set; }
    public Guid? ProcessInstanceId { get; set; }
    public Guid? ExecutionId { get; set; }
    public string? ProcessDefinitionId { get; set; }

    /// <summary>The element the job is for: the timer event, or the activity continued asynchronously.</summary>
    public required string ActivityId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>Timer cycles: the cycle text and the repetitions left after this firing.</summary>
    public string? Cycle { get; set; }
    public int? RepetitionsLeft { get; set; }

    public int Retries { get; set; }
    public string? RetryCycle { get; set; }
    public string? LockOwner { get; set; }
    public DateTimeOffset? LockExpiresAt { get; set; }

    /// <summary>When the attempt in flight started (committed before the job runs); null when no attempt is in flight.
    /// A job found locked and expired with this set had an attempt that never finished (its node died): it is counted
    /// as a failure, so a job that kills its node ends as an incident after its retries.</summary>
    public DateTimeOffset? AttemptStartedAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The job's instance is suspended: acquisition leaves it alone (a column of its own, so acquisition needs no join).</summary>
    public bool IsSuspended { get; set; }

    /// <summary>Optimistic concurrency for acquisition.</summary>
    public long Revision { get; set; }
}
