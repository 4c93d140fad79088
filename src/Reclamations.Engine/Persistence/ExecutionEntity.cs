namespace Reclamations.Engine.Persistence;

/// <summary>A token (leaf) or a scope (process, subprocess, multi-instance body, event subprocess) of an instance.</summary>
public sealed class ExecutionEntity
{
    public Guid Id { get; set; }
    public Guid ProcessInstanceId { get; set; }
    public Guid? ParentId { get; set; }
    public required string ActivityId { get; set; }

    /// <summary>True while the execution waits at a parallel or inclusive join gateway.</summary>
    public bool IsJoined { get; set; }

    /// <summary>True for the body execution of a multi-instance activity (its children are the instances).</summary>
    public bool IsMultiInstanceBody { get; set; }

    /// <summary>Instance number for a child of a multi-instance body.</summary>
    public int? LoopCounter { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
