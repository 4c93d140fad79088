using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Api;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Variables;

namespace Reclamations.Engine.Runtime;

/// <summary>Read-only queries (no transaction, no tracking).</summary>
public sealed partial class ProcessEngine
{
    public async Task<IReadOnlyList<ProcessDefinitionInfo>> GetProcessDefinitionsAsync(bool latestOnly = true, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var all = await db.ProcessDefinitions.AsNoTracking().OrderBy(d => d.Key).ThenBy(d => d.Version)
            .Select(d => new ProcessDefinitionInfo(d.Id, d.Key, d.Version, d.Name, d.ResourceName, d.DeployedAt, d.Source))
            .ToListAsync(ct);
        return latestOnly ? all.GroupBy(d => d.Key).Select(g => g.Last()).ToList() : all;
    }

    /// <summary>The XML of a process (latest version unless one is given).</summary>
    public async Task<string> GetProcessDefinitionXmlAsync(string key, int? version = null, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var xml = await db.ProcessDefinitions.AsNoTracking()
            .Where(d => d.Key == key && (version == null || d.Version == version))
            .OrderByDescending(d => d.Version).Select(d => d.Xml).FirstOrDefaultAsync(ct);
        return xml ?? throw new NotFoundException($"No process with key '{key}'{(version is null ? "" : $" version {version}")} is deployed.");
    }

    /// <summary>An instance with its instance-scope variables; a <paramref name="reader"/> who may not read
    /// <see cref="EngineOptions.RestrictedVariables"/> does not see them (null: the engine's own callers, everything).</summary>
    public async Task<ProcessInstanceInfo> GetProcessInstanceAsync(Guid id, CancellationToken ct = default) =>
        await GetProcessInstanceAsync(id, null, ct);

    public async Task<ProcessInstanceInfo> GetProcessInstanceAsync(Guid id, Actor? reader, CancellationToken ct = default)
    {
        var hidden = CanReadRestricted(reader) ? null : _runtime.Options.RestrictedVariables;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var instance = await db.ProcessInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException($"Process instance '{id}' does not exist.");
        var executions = await db.Executions.AsNoTracking().Where(e => e.ProcessInstanceId == id).ToListAsync(ct);
        var variables = await db.Variables.AsNoTracking().Where(v => v.ProcessInstanceId == id && v.ExecutionId == null).ToListAsync(ct);
        var active = executions
            .Where(e => e.ParentId is not null && !executions.Any(c => c.ParentId == e.Id))
            .Select(e => e.ActivityId).Distinct().ToList();
        return new ProcessInstanceInfo(instance.Id, instance.DefinitionKey, instance.DefinitionVersion, instance.BusinessKey,
            instance.State.ToString(), active,
            variables.Where(v => hidden is null || !hidden.Contains(v.Name)).OrderBy(v => v.Name, StringComparer.Ordinal)
                .ToDictionary(v => v.Name, v => VariableSerializer.Deserialize(v.Type, v.Json)),
            instance.StartedAt, instance.EndedAt, instance.SuperProcessInstanceId, instance.IsSuspended, instance.LegalHold);
    }

    /// <summary>Instances by business key (a complaint's reference), newest first.</summary>
    public async Task<IReadOnlyList<Guid>> FindProcessInstancesAsync(string businessKey, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.ProcessInstances.AsNoTracking().Where(i => i.BusinessKey == businessKey)
            .OrderByDescending(i => i.StartedAt).Select(i => i.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<HistoryEventInfo>> GetHistoryAsync(Guid processInstanceId, CancellationToken ct = default) =>
        (await GetHistoryAsync(processInstanceId, null, 0, int.MaxValue, ct)).Items;

    /// <summary>A page of an instance's history, oldest first. For a <paramref name="reader"/> who may not read
    /// <see cref="EngineOptions.RestrictedVariables"/>, the values of those variables are blanked (the row stays: who
    /// changed it and when).</summary>
    public async Task<Page<HistoryEventInfo>> GetHistoryAsync(Guid processInstanceId, Actor? reader, int firstResult, int maxResults,
        CancellationToken ct = default)
    {
        var hidden = CanReadRestricted(reader) ? null : _runtime.Options.RestrictedVariables;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        if (!await db.ProcessInstances.AnyAsync(i => i.Id == processInstanceId, ct))
            throw new NotFoundException($"Process instance '{processInstanceId}' does not exist.");
        var rows = db.History.AsNoTracking().Where(h => h.ProcessInstanceId == processInstanceId);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(h => h.Id).Skip(Math.Max(firstResult, 0)).Take(Math.Max(maxResults, 0))
            .Select(h => new HistoryEventInfo(h.Id, h.Timestamp, h.EventType, h.ActivityId, h.ActivityType, h.TaskId, h.UserId,
                h.VariableName, h.Value, h.Details))
            .ToListAsync(ct);
        if (hidden is { Count: > 0 })
            page = page.Select(h => h.VariableName is { } name && hidden.Contains(name) ? h with { Value = null, Details = "restricted" } : h)
                .ToList();
        return new Page<HistoryEventInfo>(page, total);
    }

    /// <summary>The instance's execution tree: the ids an operator names in a modification (cancel an activity instance).</summary>
    public async Task<IReadOnlyList<ActivityInstanceInfo>> GetActivityInstancesAsync(Guid processInstanceId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var instance = await db.ProcessInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == processInstanceId, ct)
            ?? throw new NotFoundException($"Process instance '{processInstanceId}' does not exist.");
        var model = await _runtime.Definitions.GetModelAsync(db, instance.DefinitionId, ct);
        var executions = await db.Executions.AsNoTracking().Where(e => e.ProcessInstanceId == processInstanceId)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(ct);
        return executions.Select(e => new ActivityInstanceInfo(e.Id, e.ActivityId,
            e.ParentId is null ? "process" : model.NodesById.GetValueOrDefault(e.ActivityId)?.ElementType, e.ParentId)).ToList();
    }

    public async Task<TaskInfo> GetTaskAsync(Guid taskId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new NotFoundException($"Task '{taskId}' does not exist.");
        return await ToInfoAsync(db, task, ct);
    }

    /// <summary>Open tasks. A candidate-group or candidate-user query walks the (kind, value, due) index, so a page
    /// costs the same with a thousand or a hundred thousand open tasks.</summary>
    public async Task<IReadOnlyList<TaskInfo>> QueryTasksAsync(TaskQuery query, CancellationToken ct = default)
    {
        var take = Math.Clamp(query.Take, 1, 1000);
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        if (query is { ProcessInstanceId: { } id, Assignee: null, BusinessKey: null, CandidateGroup: null, CandidateUser: null })
        {
            var rows = new List<TaskEntity>();
            await rows.AddAllAsync(TaskQueries.OfInstance(db, id, query.Skip, take), ct);
            var ofInstance = new List<TaskInfo>(rows.Count);
            foreach (var task in rows) ofInstance.Add(await ToInfoAsync(db, task, ct));
            return ofInstance;
        }
        IQueryable<TaskEntity> tasks = db.Tasks.AsNoTracking();
        if (query.ProcessInstanceId is { } instanceId) tasks = tasks.Where(t => t.ProcessInstanceId == instanceId);
        if (query.Assignee is { } assignee) tasks = tasks.Where(t => t.Assignee == assignee);
        if (query.BusinessKey is { } businessKey) tasks = tasks.Where(t => t.BusinessKey == businessKey);
        List<TaskEntity> page;
        var candidate = query.CandidateGroup is { } g ? ("group", g) : query.CandidateUser is { } u ? ("user", u) : default;
        if (candidate != default)
        {
            var (kind, value) = candidate;
            if (query.Assignee is null && !query.IncludeAssigned) tasks = tasks.Where(t => t.Assignee == null);
            if (query.CandidateGroup is not null && query.CandidateUser is not null)
                tasks = tasks.Where(t => db.TaskCandidates.Any(c => c.TaskId == t.Id && c.Kind == "user" && c.Value == query.CandidateUser));
            page = await db.TaskCandidates.AsNoTracking()
                .Where(c => c.Kind == kind && c.Value == value)
                .OrderBy(c => c.DueOrder).ThenBy(c => c.Id)
                .Join(tasks, c => c.TaskId, t => t.Id, (c, t) => t)
                .Skip(query.Skip).Take(take)
                .ToListAsync(ct);
        }
        else
        {
            page = await tasks.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.CreatedAt)
                .Skip(query.Skip).Take(take).ToListAsync(ct);
        }
        var result = new List<TaskInfo>(page.Count);
        foreach (var task in page) result.Add(await ToInfoAsync(db, task, ct));
        return result;
    }

    private async Task<TaskInfo> ToInfoAsync(EngineDbContext db, TaskEntity task, CancellationToken ct)
    {
        var model = await _runtime.Definitions.GetModelAsync(db, task.ProcessDefinitionId, ct);
        var fields = model.NodesById.GetValueOrDefault(task.TaskDefinitionKey) is UserTask userTask
            ? userTask.FormFields.Select(f => new FormFieldInfo(f.Id, f.Label, f.Type, f.IsRequired, f.DefaultValue,
                f.Values.Select(v => new FormFieldValueInfo(v.Id, v.Name)).ToList(), f.Constraints)).ToList()
            : [];
        return new TaskInfo(task.Id, task.Name, task.TaskDefinitionKey, task.ProcessInstanceId, task.ProcessDefinitionKey, task.BusinessKey,
            task.Assignee, Split(task.CandidateGroups), Split(task.CandidateUsers), task.DueDate, task.FollowUpDate, task.Priority,
            task.FormKey, task.CreatedAt, fields, task.Owner, task.DelegationState);
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public async Task<IReadOnlyList<IncidentInfo>> GetIncidentsAsync(bool openOnly = true, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Incidents.AsNoTracking().Where(i => !openOnly || i.ResolvedAt == null).OrderBy(i => i.CreatedAt)
            .Select(i => new IncidentInfo(i.Id, i.JobId, i.ProcessInstanceId, i.ActivityId, i.Message, i.CreatedAt, i.ResolvedAt))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<JobInfo>> GetJobsAsync(Guid? processInstanceId = null, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Jobs.AsNoTracking().Where(j => processInstanceId == null || j.ProcessInstanceId == processInstanceId)
            .OrderBy(j => j.DueAt)
            .Select(j => new JobInfo(j.Id, j.Kind.ToString(), j.ProcessInstanceId, j.ActivityId, j.DueAt, j.Retries, j.LastError, j.IsSuspended))
            .ToListAsync(ct);
    }

    /// <summary>Jobs by filter, by due time, one page and the total.</summary>
    public async Task<Page<JobInfo>> QueryJobsAsync(JobQuery query, CancellationToken ct = default)
    {
        JobKind? kind = null;
        if (query.Kind is { } kindText)
            kind = Enum.TryParse<JobKind>(kindText, ignoreCase: true, out var parsed)
                ? parsed
                : throw new RejectedException($"kind: '{kindText}' is not a job kind ({string.Join(", ", Enum.GetNames<JobKind>())}).");
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var jobs = db.Jobs.AsNoTracking();
        if (query.ProcessInstanceId is { } id) jobs = jobs.Where(j => j.ProcessInstanceId == id);
        if (query.ActivityId is { } activityId) jobs = jobs.Where(j => j.ActivityId == activityId);
        if (kind is { } k) jobs = jobs.Where(j => j.Kind == k);
        if (query.WithIncident is { } withIncident) jobs = withIncident ? jobs.Where(j => j.Retries < 0) : jobs.Where(j => j.Retries >= 0);
        if (query.Suspended is { } suspended) jobs = jobs.Where(j => j.IsSuspended == suspended);
        var total = await jobs.CountAsync(ct);
        var page = await jobs.OrderBy(j => j.DueAt).ThenBy(j => j.Id).Skip(FirstResult(query.FirstResult)).Take(MaxResults(query.MaxResults))
            .Select(j => new JobInfo(j.Id, j.Kind.ToString(), j.ProcessInstanceId, j.ActivityId, j.DueAt, j.Retries, j.LastError, j.IsSuspended))
            .ToListAsync(ct);
        return new Page<JobInfo>(page, total);
    }

    /// <summary>Incidents by filter, oldest first, one page and the total.</summary>
    public async Task<Page<IncidentInfo>> QueryIncidentsAsync(IncidentQuery query, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var incidents = db.Incidents.AsNoTracking();
        if (query.OpenOnly) incidents = incidents.Where(i => i.ResolvedAt == null);
        if (query.ProcessInstanceId is { } id) incidents = incidents.Where(i => i.ProcessInstanceId == id);
        if (query.ActivityId is { } activityId) incidents = incidents.Where(i => i.ActivityId == activityId);
        var total = await incidents.CountAsync(ct);
        var page = await incidents.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip(FirstResult(query.FirstResult)).Take(MaxResults(query.MaxResults))
            .Select(i => new IncidentInfo(i.Id, i.JobId, i.ProcessInstanceId, i.ActivityId, i.Message, i.CreatedAt, i.ResolvedAt))
            .ToListAsync(ct);
        return new Page<IncidentInfo>(page, total);
    }

    /// <summary>How many open tasks match a query (the filters of <see cref="QueryTasksAsync"/>, paging ignored).</summary>
    public async Task<int> CountTasksAsync(TaskQuery query, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        IQueryable<TaskEntity> tasks = db.Tasks.AsNoTracking();
        if (query.ProcessInstanceId is { } instanceId) tasks = tasks.Where(t => t.ProcessInstanceId == instanceId);
        if (query.Assignee is { } assignee) tasks = tasks.Where(t => t.Assignee == assignee);
        if (query.BusinessKey is { } businessKey) tasks = tasks.Where(t => t.BusinessKey == businessKey);
        if (query.CandidateGroup is null && query.CandidateUser is null) return await tasks.CountAsync(ct);
        if (query.Assignee is null && !query.IncludeAssigned) tasks = tasks.Where(t => t.Assignee == null);
        if (query.CandidateGroup is { } group)
            tasks = tasks.Where(t => db.TaskCandidates.Any(c => c.TaskId == t.Id && c.Kind == "group" && c.Value == group));
        if (query.CandidateUser is { } user)
            tasks = tasks.Where(t => db.TaskCandidates.Any(c => c.TaskId == t.Id && c.Kind == "user" && c.Value == user));
        return await tasks.CountAsync(ct);
    }

    private static int FirstResult(int firstResult) =>
        firstResult >= 0 ? firstResult : throw new RejectedException($"firstResult: {firstResult} is negative.");

    private static int MaxResults(int maxResults) =>
        maxResults is >= 0 and <= 1000 ? maxResults : throw new RejectedException($"maxResults: {maxResults} is not between 0 and 1000.");
}
