using Microsoft.EntityFrameworkCore;

namespace Reclamations.Engine.Persistence;

/// <summary>The queries that load an instance's rows, compiled once (every command runs them).</summary>
internal static class InstanceQueries
{
    public static readonly Func<EngineDbContext, Guid, CancellationToken, Task<ProcessInstanceEntity?>> Instance =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.ProcessInstances.FirstOrDefault(i => i.Id == id));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<ExecutionEntity>> Executions =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id) => db.Executions.Where(e => e.ProcessInstanceId == id));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<VariableEntity>> Variables =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id) => db.Variables.Where(e => e.ProcessInstanceId == id));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<TaskEntity>> Tasks =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id) => db.Tasks.Where(e => e.ProcessInstanceId == id));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<JobEntity>> Jobs =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id) => db.Jobs.Where(e => e.ProcessInstanceId == id));

    public static readonly Func<EngineDbContext, Guid, IAsyncEnumerable<EventSubscriptionEntity>> Subscriptions =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id) => db.EventSubscriptions.Where(e => e.ProcessInstanceId == id));

    /// <summary>One job, tracked (the job executor's command deletes or reschedules it).</summary>
    public static readonly Func<EngineDbContext, Guid, CancellationToken, Task<JobEntity?>> Job =
        EF.CompileAsyncQuery((EngineDbContext db, Guid id, CancellationToken _) => db.Jobs.FirstOrDefault(j => j.Id == id));

    public static async Task AddAllAsync<T>(this List<T> list, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct)) list.Add(row);
    }
}
