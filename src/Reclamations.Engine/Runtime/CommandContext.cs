using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Reclamations.Engine.Api;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Variables;

namespace Reclamations.Engine.Runtime;

/// <summary>One command = one transaction: the DbContext, the clock reading, the instances loaded so far.</summary>
internal sealed class CommandContext(EngineDbContext db, IDbContextTransaction transaction, DateTimeOffset now,
    EngineRuntime runtime, IServiceProvider services, Actor actor)
{
    private readonly Dictionary<Guid, InstanceState> _instances = [];

    public EngineDbContext Db { get; } = db;
    public DateTimeOffset Now { get; } = now;
    public EngineRuntime Runtime { get; } = runtime;
    public IServiceProvider Services { get; } = services;
    /// <summary>Who runs this command (<see cref="Actor.System"/> for the job executor).</summary>
    public Actor Actor { get; } = actor;

    /// <summary>The acting user's id, recorded on every history row of the command (no row names anyone else).</summary>
    public string UserId => Actor.Id;
    public DbConnection Connection => Db.Database.GetDbConnection();
    public DbTransaction Transaction => transaction.GetDbTransaction();

    /// <summary>Whether a job was created that is already due (the executor is then woken up).</summary>
    public bool CreatedDueJob { get; set; }

    /// <summary>The earliest due time of the jobs this command created or moved (the executor wakes for it if it sleeps longer).</summary>
    public DateTimeOffset? EarliestJobDue { get; private set; }

    /// <summary>Notes a job created or moved to <paramref name="dueAt"/>, for the executor's wake-up after commit.</summary>
    public void NoteJobDue(DateTimeOffset dueAt)
    {
        if (dueAt <= Now) CreatedDueJob = true;
        if (EarliestJobDue is not { } earliest || dueAt < earliest) EarliestJobDue = dueAt;
    }

    public IEnumerable<InstanceState> LoadedInstances => _instances.Values;

    /// <summary>Work that must only happen once the command has committed (e.g. caching a deployed model): run by
    /// <see cref="CommandExecutor"/> after the commit, dropped on rollback.</summary>
    public List<Action> AfterCommit { get; } = [];

    /// <summary>History rows of this command, written at commit by <see cref="HistoryWriter"/>.</summary>
    public List<HistoryEventEntity> PendingHistory { get; } = [];

    public void Track(InstanceState state) => _instances[state.Id] = state;

    /// <summary>An instance this command has loaded or started, if any.</summary>
    public InstanceState? Loaded(Guid id) => _instances.GetValueOrDefault(id);

    /// <summary>The job this command runs, if it runs one (a runaway job gets the incident).</summary>
    public Guid? JobId { get; set; }

    public async Task<InstanceState> LoadInstanceAsync(Guid id, CancellationToken ct)
    {
        if (_instances.TryGetValue(id, out var loaded)) return loaded;
        var instance = await InstanceQueries.Instance(Db, id, ct)
            ?? throw new NotFoundException($"Process instance '{id}' does not exist.");
        var model = await Runtime.Definitions.GetModelAsync(Db, instance.DefinitionId, ct);
        var state = new InstanceState(instance, model);
        await state.Executions.AddAllAsync(InstanceQueries.Executions(Db, id), ct);
        await state.Variables.AddAllAsync(InstanceQueries.Variables(Db, id), ct);
        await state.Tasks.AddAllAsync(InstanceQueries.Tasks(Db, id), ct);
        await state.Jobs.AddAllAsync(InstanceQueries.Jobs(Db, id), ct);
        await state.Subscriptions.AddAllAsync(InstanceQueries.Subscriptions(Db, id), ct);
        _instances[id] = state;
        return state;
    }

    public void History(InstanceState? state, string eventType, string? activityId = null, string? activityType = null,
        Guid? executionId = null, Guid? taskId = null, string? variableName = null, string? value = null, string? details = null) =>
        PendingHistory.Add(new HistoryEventEntity
        {
            ProcessInstanceId = state?.Id,
            Timestamp = Now,
            EventType = eventType,
            ActivityId = activityId,
            ActivityType = activityType,
            ExecutionId = executionId,
            TaskId = taskId,
            UserId = UserId,
            VariableName = variableName,
            Value = value,
            Details = details,
        });

    /// <summary>Sets a variable in the scope where it is visible from <paramref name="execution"/> (instance scope if new).
    /// <paramref name="readerGroups"/> (<see cref="Readers"/> form): a changed value becomes readable only by them.</summary>
    public void SetVariable(InstanceState state, ExecutionEntity? execution, string name, object? value, string? readerGroups = null)
    {
        var existing = state.FindVisible(execution, name);
        Write(state, existing, existing?.ExecutionId, name, value, readerGroups);
    }

    /// <summary>Sets a variable local to <paramref name="execution"/>.</summary>
    public void SetLocalVariable(InstanceState state, ExecutionEntity execution, string name, object? value, string? readerGroups = null)
    {
        var existing = state.Variables.Find(v => v.ExecutionId == execution.Id && v.Name == name);
        Write(state, existing, execution.Id, name, value, readerGroups);
    }

    /// <summary>An unchanged value writes nothing. A restricted variable stays restricted for every later value (and its
    /// history rows with it).</summary>
    private void Write(InstanceState state, VariableEntity? existing, Guid? scopeId, string name, object? value, string? readerGroups)
    {
        var (type, json) = VariableSerializer.Serialize(value);
        if (existing is not null)
        {
            if (existing.Type == type && existing.Json == json) return;
            existing.Type = type;
            existing.Json = json;
            if (readerGroups is not null) existing.ReaderGroups = Readers.Both(existing.ReaderGroups, readerGroups);
            readerGroups = existing.ReaderGroups;
        }
        else
        {
            var variable = new VariableEntity
            {
                Id = EngineIds.New(), ProcessInstanceId = state.Id, ExecutionId = scopeId, Name = name, Type = type, Json = json,
                ReaderGroups = readerGroups,
            };
            state.Variables.Add(variable);
            Db.Variables.Add(variable);
        }
        History(state, "VariableSet", executionId: scopeId, variableName: name, value: json, details: type);
        if (readerGroups is not null) PendingHistory[^1].ReaderGroups = readerGroups;
    }

    /// <summary>Drops the local variables of an execution that ends.</summary>
    public void RemoveLocalVariables(InstanceState state, ExecutionEntity execution)
    {
        foreach (var v in state.Variables.Where(v => v.ExecutionId == execution.Id).ToList())
        {
            state.Variables.Remove(v);
            Db.Variables.Remove(v);
        }
    }
}
