using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Api;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Task reads: a reader sees the tasks it may work on or oversee (<see cref="TaskVisibility"/>), never those of an
/// instance it may not read; any other task is not found, as an unknown id.</summary>
public sealed partial class ProcessEngine
{
    public async Task<TaskInfo> GetTaskAsync(Guid taskId, Actor reader, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !TaskVisibility.MaySee(task, reader, _runtime.Options))
            throw new NotFoundException($"Task '{taskId}' does not exist.");
        return await ToInfoAsync(db, task, ct);
    }

    /// <summary>Open tasks the <paramref name="reader"/> may see, filtered in SQL. A candidate-group or candidate-user query
    /// walks the (kind, value, due) index, so a page costs the same with a thousand or a hundred thousand open tasks; when
    /// the query's own filter already makes every match visible (the reader's group, the reader as candidate or assignee)
    /// only the instance restriction is added.</summary>
    public async Task<IReadOnlyList<TaskInfo>> QueryTasksAsync(TaskQuery query, Actor reader, CancellationToken ct = default)
    {
        var take = Math.Clamp(query.Take, 1, 1000);
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        List<TaskEntity> page;
        if (reader.IsSystem && query is { ProcessInstanceId: { } id, Assignee: null, BusinessKey: null, CandidateGroup: null, CandidateUser: null })
        {
            page = [];
            await page.AddAllAsync(TaskQueries.OfInstance(db, id, query.Skip, take), ct);
        }
        else if (Candidate(query) is var (kind, value))
        {
            page = await db.TaskCandidates.AsNoTracking()
                .Where(c => c.Kind == kind && c.Value == value)
                .OrderBy(c => c.DueOrder).ThenBy(c => c.Id)
                .Join(Filtered(db, query, reader), c => c.TaskId, t => t.Id, (c, t) => t)
                .Skip(query.Skip).Take(take)
                .ToListAsync(ct);
        }
        else
        {
            page = await Filtered(db, query, reader).OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.CreatedAt)
                .Skip(query.Skip).Take(take).ToListAsync(ct);
        }
        var result = new List<TaskInfo>(page.Count);
        foreach (var task in page) result.Add(await ToInfoAsync(db, task, ct));
        return result;
    }

    /// <summary>How many open tasks match a query and are visible to the <paramref name="reader"/> (the filters of
    /// <see cref="QueryTasksAsync"/>, paging ignored).</summary>
    public async Task<int> CountTasksAsync(TaskQuery query, Actor reader, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var tasks = Filtered(db, query, reader);
        if (Candidate(query) is var (kind, value))
            tasks = tasks.Where(t => db.TaskCandidates.Any(c => c.TaskId == t.Id && c.Kind == kind && c.Value == value));
        return await tasks.CountAsync(ct);
    }

    /// <summary>The candidate index range a query walks: its group, else its user.</summary>
    private static (string Kind, string Value)? Candidate(TaskQuery query) =>
        query.CandidateGroup is { } g ? ("group", g) : query.CandidateUser is { } u ? ("user", u) : null;

    /// <summary>The query's filters (except the candidate range walked by the caller) and the reader's visibility.</summary>
    private IQueryable<TaskEntity> Filtered(EngineDbContext db, TaskQuery query, Actor reader)
    {
        IQueryable<TaskEntity> tasks = db.Tasks.AsNoTracking();
        if (query.ProcessInstanceId is { } instanceId) tasks = tasks.Where(t => t.ProcessInstanceId == instanceId);
        if (query.Assignee is { } assignee) tasks = tasks.Where(t => t.Assignee == assignee);
        if (query.BusinessKey is { } businessKey) tasks = tasks.Where(t => t.BusinessKey == businessKey);
        if (Candidate(query) is not null)
        {
            if (query.Assignee is null && !query.IncludeAssigned) tasks = tasks.Where(t => t.Assignee == null);
            if (query.CandidateGroup is not null && query.CandidateUser is { } user)
                tasks = tasks.Where(t => db.TaskCandidates.Any(c => c.TaskId == t.Id && c.Kind == "user" && c.Value == user));
        }
        return TaskVisibility.Filter(db, tasks, reader, _runtime.Options, TaskVisibility.Implied(query, reader, _runtime.Options));
    }

    private async Task<TaskInfo> ToInfoAsync(EngineDbContext db, TaskEntity task, CancellationToken ct)
    {
        var model = await _runtime.Definitions.GetModelAsync(db, task.ProcessDefinitionId, ct);
        var userTask = model.NodesById.GetValueOrDefault(task.TaskDefinitionKey) as UserTask;
        var fields = userTask is not null
            ? userTask.FormFields.Select(f => new FormFieldInfo(f.Id, f.Label, f.Type, f.IsRequired, f.DefaultValue,
                f.Values.Select(v => new FormFieldValueInfo(v.Id, v.Name)).ToList(), f.Constraints, f.Properties)).ToList()
            : [];
        return new TaskInfo(task.Id, task.Name, task.TaskDefinitionKey, task.ProcessInstanceId, task.ProcessDefinitionKey, task.BusinessKey,
            task.Assignee, Split(task.CandidateGroups), Split(task.CandidateUsers), task.DueDate, task.FollowUpDate, task.Priority,
            task.FormKey, task.CreatedAt, fields, task.Owner, task.DelegationState, userTask?.Properties);
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
