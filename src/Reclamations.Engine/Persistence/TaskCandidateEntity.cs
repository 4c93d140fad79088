namespace Reclamations.Engine.Persistence;

/// <summary>One candidate group or user of an open task, with the task's due date copied so that
/// "open tasks of group G by due date" is a single index range scan.</summary>
public sealed class TaskCandidateEntity
{
    public long Id { get; set; }
    public Guid TaskId { get; set; }
    public required string Kind { get; set; }   // "group" | "user"
    public required string Value { get; set; }
    public long DueOrder { get; set; }          // due date UTC ticks; long.MaxValue when none
}
