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
            .Select(d => new ProcessDefinitionInfo(d.Id, d.Key, d.Version, d.Name, d.ResourceName, d.DeployedAt, d.Source, d.DeployedBy, d.Comment))
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

    /// <summary>An instance with its instance-scope variables. An instance the <paramref name="reader"/> may not read
    /// (<see cref="ProcessModel.ReaderGroups"/>) is not found, as an unknown id; restricted variables
    /// (<see cref="VariableHidden"/>) are left out.</summary>
    public async Task<ProcessInstanceInfo> GetProcessInstanceAsync(Guid id, Actor reader, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var instance = await ReadableInstanceAsync(db, id, reader, ct);
        var executions = await db.Executions.AsNoTracking().Where(e => e.ProcessInstanceId == id).ToListAsync(ct);
        var variables = await db.Variables.AsNoTracking().Where(v => v.ProcessInstanceId == id && v.ExecutionId == null).ToListAsync(ct);
        var active = executions
            .Where(e => e.ParentId is not null && !executions.Any(c => c.ParentId == e.Id))
            .Select(e => e.ActivityId).Distinct().ToList();
        return new ProcessInstanceInfo(instance.Id, instance.DefinitionKey, instance.DefinitionVersion, instance.BusinessKey,
            instance.State.ToString(), active,
            variables.Where(v => !VariableHidden(reader, v.Name, v.ReaderGroups)).OrderBy(v => v.Name, StringComparer.Ordinal)
                .ToDictionary(v => v.Name, v => VariableSerializer.Deserialize(v.Type, v.Json)),
            instance.StartedAt, instance.EndedAt, instance.SuperProcessInstanceId, instance.IsSuspended, instance.LegalHold);
    }

    /// <summary>Instances by business key (a complaint's reference), newest first; every instance (the engine's own tests).</summary>
    internal async Task<IReadOnlyList<Guid>> FindProcessInstancesAsync(string businessKey, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.ProcessInstances.AsNoTracking().Where(i => i.BusinessKey == businessKey)
            .OrderByDescending(i => i.StartedAt).Select(i => i.Id).ToListAsync(ct);
    }

    /// <summary>An instance's whole history, oldest first (the rules of the paged overload).</summary>
    public async Task<IReadOnlyList<HistoryEventInfo>> GetHistoryAsync(Guid processInstanceId, Actor reader, CancellationToken ct = default) =>
        (await GetHistoryAsync(processInstanceId, reader, 0, int.MaxValue, ct)).Items;

    /// <summary>A page of an instance's history, oldest first. An instance the <paramref name="reader"/> may not read is not
    /// found; the values of restricted variables (<see cref="VariableHidden"/>) are blanked (the row stays: who changed it
    /// and when).</summary>
    public async Task<Page<HistoryEventInfo>> GetHistoryAsync(Guid processInstanceId, Actor reader, int firstResult, int maxResults,
        CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        await ReadableInstanceAsync(db, processInstanceId, reader, ct);
        var rows = db.History.AsNoTracking().Where(h => h.ProcessInstanceId == processInstanceId);
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderBy(h => h.Id).Skip(Math.Max(firstResult, 0)).Take(Math.Max(maxResults, 0))
            .Select(h => new { Info = new HistoryEventInfo(h.Id, h.Timestamp, h.EventType, h.ActivityId, h.ActivityType, h.TaskId, h.UserId,
                h.VariableName, h.Value, h.Details), h.ReaderGroups })
            .ToListAsync(ct);
        return new Page<HistoryEventInfo>(page.Select(h => h.Info.VariableName is { } name && VariableHidden(reader, name, h.ReaderGroups)
            ? h.Info with { Value = null, Details = "restricted" }
            : h.Info).ToList(), total);
    }

    /// <summary>The instance's execution tree: the ids an operator names in a modification (cancel an activity instance).
    /// An instance the <paramref name="reader"/> may not read is not found.</summary>
    public async Task<IReadOnlyList<ActivityInstanceInfo>> GetActivityInstancesAsync(Guid processInstanceId, Actor reader,
        CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var instance = await ReadableInstanceAsync(db, processInstanceId, reader, ct);
        var model = await _runtime.Definitions.GetModelAsync(db, instance.DefinitionId, ct);
        var executions = await db.Executions.AsNoTracking().Where(e => e.ProcessInstanceId == processInstanceId)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(ct);
        return executions.Select(e => new ActivityInstanceInfo(e.Id, e.ActivityId,
            e.ParentId is null ? "process" : model.NodesById.GetValueOrDefault(e.ActivityId)?.ElementType, e.ParentId)).ToList();
    }

    /// <summary>The instance, or the unknown-id <see cref="NotFoundException"/> when the reader may not read it (its
    /// existence does not leak).</summary>
    private static async Task<ProcessInstanceEntity> ReadableInstanceAsync(EngineDbContext db, Guid id, Actor reader, CancellationToken ct)
    {
        var instance = await db.ProcessInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return instance is not null && Readers.MayRead(reader, instance.ReaderGroups)
            ? instance
            : throw new NotFoundException($"Process instance '{id}' does not exist.");
    }

    /// <summary>Every incident (the engine's own tests); readers use <see cref="QueryIncidentsAsync"/>.</summary>
    internal async Task<IReadOnlyList<IncidentInfo>> GetIncidentsAsync(bool openOnly = true, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Incidents.AsNoTracking().Where(i => !openOnly || i.ResolvedAt == null).OrderBy(i => i.CreatedAt)
            .Select(i => new IncidentInfo(i.Id, i.JobId, i.ProcessInstanceId, i.ActivityId, i.Message, i.CreatedAt, i.ResolvedAt))
            .ToListAsync(ct);
    }

    /// <summary>Every job (the engine's own tests and bench); readers use <see cref="QueryJobsAsync"/>.</summary>
    internal async Task<IReadOnlyList<JobInfo>> GetJobsAsync(Guid? processInstanceId = null, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Jobs.AsNoTracking().Where(j => processInstanceId == null || j.ProcessInstanceId == processInstanceId)
            .OrderBy(j => j.DueAt)
            .Select(j => new JobInfo(j.Id, j.Kind.ToString(), j.ProcessInstanceId, j.ActivityId, j.DueAt, j.Retries, j.LastError, j.IsSuspended))
            .ToListAsync(ct);
    }

    /// <summary>Jobs by filter, by due time, one page and the total; jobs of instances the <paramref name="reader"/> may not
    /// read are left out (their errors may quote values).</summary>
    public async Task<Page<JobInfo>> QueryJobsAsync(JobQuery query, Actor reader, CancellationToken ct = default)
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
        if (!reader.IsSystem)
        {
            var unreadable = UnreadableInstances(db, reader);
            jobs = jobs.Where(j => j.ProcessInstanceId == null || !unreadable.Contains(j.ProcessInstanceId.Value));
        }
        var total = await jobs.CountAsync(ct);
        var page = await jobs.OrderBy(j => j.DueAt).ThenBy(j => j.Id).Skip(FirstResult(query.FirstResult)).Take(MaxResults(query.MaxResults))
            .Select(j => new JobInfo(j.Id, j.Kind.ToString(), j.ProcessInstanceId, j.ActivityId, j.DueAt, j.Retries, j.LastError, j.IsSuspended))
            .ToListAsync(ct);
        return new Page<JobInfo>(page, total);
    }

    /// <summary>Incidents by filter, oldest first, one page and the total; incidents of instances the <paramref name="reader"/>
    /// may not read are left out.</summary>
    public async Task<Page<IncidentInfo>> QueryIncidentsAsync(IncidentQuery query, Actor reader, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var incidents = db.Incidents.AsNoTracking();
        if (query.OpenOnly) incidents = incidents.Where(i => i.ResolvedAt == null);
        if (query.ProcessInstanceId is { } id) incidents = incidents.Where(i => i.ProcessInstanceId == id);
        if (query.ActivityId is { } activityId) incidents = incidents.Where(i => i.ActivityId == activityId);
        if (!reader.IsSystem)
        {
            var unreadable = UnreadableInstances(db, reader);
            incidents = incidents.Where(i => i.ProcessInstanceId == null || !unreadable.Contains(i.ProcessInstanceId.Value));
        }
        var total = await incidents.CountAsync(ct);
        var page = await incidents.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip(FirstResult(query.FirstResult)).Take(MaxResults(query.MaxResults))
            .Select(i => new IncidentInfo(i.Id, i.JobId, i.ProcessInstanceId, i.ActivityId, i.Message, i.CreatedAt, i.ResolvedAt))
            .ToListAsync(ct);
        return new Page<IncidentInfo>(page, total);
    }

    /// <summary>The ids of the restricted instances the reader may not read (few: restricted instances are rare).</summary>
    private static IQueryable<Guid> UnreadableInstances(EngineDbContext db, Actor reader)
    {
        var patterns = Readers.Patterns(reader);
        return db.ProcessInstances.Where(i => i.ReaderGroups != null && !patterns.Any(p => i.ReaderGroups.Contains(p))).Select(i => i.Id);
    }

    private static int FirstResult(int firstResult) =>
        firstResult >= 0 ? firstResult : throw new RejectedException($"firstResult: {firstResult} is negative.");

    private static int MaxResults(int maxResults) =>
        maxResults is >= 0 and <= 1000 ? maxResults : throw new RejectedException($"maxResults: {maxResults} is not between 0 and 1000.");
}
