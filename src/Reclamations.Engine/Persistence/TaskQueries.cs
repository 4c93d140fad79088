using Microsoft.EntityFrameworkCore;

namespace Reclamations.Engine.Persistence;

/// <summary>The task look-ups of the usual round trip (an instance's open tasks, then the task to complete), compiled once.</summary>
internal static class TaskQueries
{
    /// <summary>Open tasks of one instance, in the general task query's order (due date, nulls last, then creation).</summary>
    public static readonly Func<EngineDbContext, Guid, int, int, IAsyncEnumerable<TaskEntity>> OfInstance =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, int skip, int take) =>
            db.Tasks.AsNoTracking().Where(t => t.ProcessInstanceId == id)
                .OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.CreatedAt)
                .Skip(skip).Take(take));

    /// <summary>One task, tracked (the command changes or deletes it).</summary>
    public static readonly Func<EngineDbContext, Guid, CancellationToken, Task<TaskEntity?>> ById =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Tasks.FirstOrDefault(t => t.Id == id));
}
