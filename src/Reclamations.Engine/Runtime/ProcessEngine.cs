using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reclamations.Engine.Api;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>The engine's entry point: deploy, start, complete tasks, correlate messages, run jobs, query.
/// Every command is one transaction; a command that fails changes nothing.</summary>
public sealed partial class ProcessEngine
{
    private readonly IDbContextFactory<EngineDbContext> _dbFactory;
    private readonly EngineRuntime _runtime;
    private readonly CommandExecutor _executor;
    private readonly ILogger<ProcessEngine> _logger;

    internal ProcessEngine(IDbContextFactory<EngineDbContext> dbFactory, EngineRuntime runtime, CommandExecutor executor,
        ILogger<ProcessEngine> logger)
    {
        _dbFactory = dbFactory;
        _runtime = runtime;
        _executor = executor;
        _logger = logger;
    }

    public TimeProvider Time => _executor.Time;

    /// <summary>Deploys BPMN files through the API: all or nothing. A process whose XML is unchanged keeps its version; a changed one gets version n+1.</summary>
    public Task<IReadOnlyList<DeployedDefinition>> DeployAsync(IReadOnlyList<BpmnResource> resources, CancellationToken ct = default) =>
        DeployAsync(resources, DeploymentSource.Api, ct);

    /// <summary>Deploys BPMN files from <paramref name="source"/>: all or nothing (see <see cref="DeploymentSource"/> for when a
    /// file makes a new version).</summary>
    public async Task<IReadOnlyList<DeployedDefinition>> DeployAsync(IReadOnlyList<BpmnResource> resources, DeploymentSource source,
        CancellationToken ct = default)
    {
        var errors = new List<BpmnValidationError>();
        var parsed = new List<(BpmnResource Resource, ProcessModel Model)>();
        foreach (var resource in resources)
        {
            try
            {
                foreach (var model in BpmnParser.Parse(resource.Xml, _runtime.Options.BpmnLimits))
                {
                    errors.AddRange(HandlerNameCheck.Check(model, _runtime.Handlers));
                    parsed.Add((resource, model));
                }
            }
            catch (BpmnValidationException e)
            {
                errors.AddRange(resources.Count > 1 ? e.Errors.Select(x => x with { Message = $"{resource.Name}: {x.Message}" }) : e.Errors);
            }
        }
        foreach (var duplicate in parsed.GroupBy(p => p.Model.Id).Where(g => g.Count() > 1))
            errors.Add(new BpmnValidationError(duplicate.Key, $"Process '{duplicate.Key}' is defined in more than one file of this deployment."));
        if (errors.Count > 0) throw new BpmnValidationException(errors);

        return await _executor.ExecuteAsync(Actor.System, async (ctx, runner) =>
        {
            var results = new List<DeployedDefinition>();
            foreach (var (resource, model) in parsed)
            {
                var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(resource.Xml)));
                var origin = source == DeploymentSource.Files
                    ? ProcessDefinitionEntity.FileSourcePrefix + resource.Name
                    : ProcessDefinitionEntity.ApiSource;
                var latest = await ctx.Db.ProcessDefinitions.Where(d => d.Key == model.Id).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
                var kept = source == DeploymentSource.Files ? await StartupFileRule.KeepAsync(ctx.Db, model.Id, origin, resource.Name, hash, latest, ct) : null;
                if (kept is not null)
                {
                    if (kept.NotDeployed is not null) _logger.LogWarning("{Reason}", kept.NotDeployed);
                    results.Add(kept);
                    continue;
                }
                if (latest is not null && latest.XmlHash == hash)
                {
                    results.Add(new DeployedDefinition(latest.Id, latest.Key, latest.Version, latest.Name, false));
                    continue;
                }
                var version = (latest?.Version ?? 0) + 1;
                var definition = new ProcessDefinitionEntity
                {
                    Id = $"{model.Id}:{version}", Key = model.Id, Version = version, Name = model.Name, ResourceName = resource.Name,
                    Xml = resource.Xml, XmlHash = hash, DeployedAt = ctx.Now, Source = origin,
                };
                ctx.Db.ProcessDefinitions.Add(definition);
                // Cached only once committed: a rolled-back deployment must not leave its model under an id a later one reuses.
                ctx.AfterCommit.Add(() =>
                {
                    _runtime.Definitions.Add(definition.Id, model);
                    _runtime.Definitions.ForgetLatest(definition.Key);
                });
                await ReplaceStartTriggersAsync(ctx, runner, definition, model);
                ctx.History(null, "ProcessDeployed", model.Id, "process", details: definition.Id);
                results.Add(new DeployedDefinition(definition.Id, definition.Key, definition.Version, definition.Name, true));
            }
            return results;
        }, ct);
    }

    /// <summary>Message and timer start events listen for the latest version only.</summary>
    private async Task ReplaceStartTriggersAsync(CommandContext ctx, Runner runner, ProcessDefinitionEntity definition, ProcessModel model)
    {
        var prefix = definition.Key + ":";
        ctx.Db.Jobs.RemoveRange(await ctx.Db.Jobs
            .Where(j => j.Kind == JobKind.TimerStart && j.ProcessDefinitionId!.StartsWith(prefix)).ToListAsync());
        ctx.Db.EventSubscriptions.RemoveRange(await ctx.Db.EventSubscriptions
            .Where(s => s.ProcessInstanceId == null && s.ProcessDefinitionId!.StartsWith(prefix)).ToListAsync());
        foreach (var start in model.StartEvents)
        {
            switch (start.EventDefinition)
            {
                case MessageEventDefinition message:
                    ctx.Db.EventSubscriptions.Add(new EventSubscriptionEntity
                    {
                        Id = EngineIds.New(), MessageName = message.MessageName, ProcessDefinitionId = definition.Id, ActivityId = start.Id,
                        CreatedAt = ctx.Now,
                    });
                    break;
                case TimerEventDefinition timer:
                    runner.CreateTimerJob(null, null, start.Id, timer, definition.Id);
                    break;
            }
        }
    }

    /// <summary>Starts the latest version of a process at its none start event.</summary>
    public async Task<ProcessInstanceInfo> StartProcessAsync(string key, string? businessKey = null,
        IReadOnlyDictionary<string, object?>? variables = null, string? userId = null, CancellationToken ct = default)
    {
        var state = await _executor.ExecuteAsync(ActorOf(userId), async (ctx, runner) =>
        {
            var definition = await _runtime.Definitions.GetLatestAsync(ctx.Db, key, ct)
                ?? throw new NotFoundException($"No process with key '{key}' is deployed.");
            var model = await _runtime.Definitions.GetModelAsync(ctx.Db, definition.Id, ct);
            return runner.StartInstance(definition, model, businessKey, variables);
        }, ct);
        return Snapshot(state);
    }

    /// <summary>Starts the latest version of a process in one transaction with the caller's own writes: <paramref name="prepare"/>
    /// runs first on the engine's connection and transaction (e.g. registers the record the process is about) and gives the
    /// business key and variables; <paramref name="started"/> runs once the instance rests in its first wait states (e.g. links
    /// the record to it). Anything thrown rolls everything back.</summary>
    public async Task<ProcessInstanceInfo> StartProcessAsync(string key, Func<EngineTransaction, Task<ProcessStart>> prepare,
        Func<EngineTransaction, ProcessInstanceInfo, Task>? started = null, string? userId = null, CancellationToken ct = default)
    {
        var state = await _executor.ExecuteAsync(ActorOf(userId), async (ctx, runner) =>
        {
            var definition = await _runtime.Definitions.GetLatestAsync(ctx.Db, key, ct)
                ?? throw new NotFoundException($"No process with key '{key}' is deployed.");
            var model = await _runtime.Definitions.GetModelAsync(ctx.Db, definition.Id, ct);
            var transaction = new EngineTransaction(ctx.Connection, ctx.Transaction, ctx.Now, ctx.Services);
            var start = await prepare(transaction);
            var instance = runner.StartInstance(definition, model, start.BusinessKey, start.Variables);
            await runner.RunAsync();
            if (started is not null) await started(transaction, Snapshot(instance));
            return instance;
        }, ct);
        return Snapshot(state);
    }

    public Task ClaimTaskAsync(Guid taskId, string userId, CancellationToken ct = default) =>
        OnTaskAsync(taskId, userId, async (state, task, runner) =>
        {
            if (task.Assignee == userId) return;
            if (task.Assignee is not null)
                throw new ConflictException($"Task '{taskId}' is already claimed by '{task.Assignee}'.");
            await runner.AssignAsync(state, task, userId, "TaskClaimed");
        }, ct);

    public Task UnclaimTaskAsync(Guid taskId, string? userId = null, CancellationToken ct = default) =>
        OnTaskAsync(taskId, userId, (state, task, runner) => runner.AssignAsync(state, task, null, "TaskUnclaimed"), ct);

    public Task AssignTaskAsync(Guid taskId, string? assignee, string? userId = null, CancellationToken ct = default) =>
        OnTaskAsync(taskId, userId, (state, task, runner) => runner.AssignAsync(state, task, assignee, "TaskAssigned"), ct);

    /// <summary>Completes a task with form values (validated against its form) and moves its token on.</summary>
    public Task CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, object?>? variables = null, string? userId = null,
        CancellationToken ct = default) =>
        OnTaskAsync(taskId, userId, (state, task, runner) => runner.CompleteUserTaskAsync(state, task, variables), ct);

    private Task OnTaskAsync(Guid taskId, string? userId, Func<InstanceState, TaskEntity, Runner, Task> action, CancellationToken ct) =>
        _executor.ExecuteAsync(ActorOf(userId), async (ctx, runner) =>
        {
            var task = await TaskQueries.ById(ctx.Db, taskId, ct);
            if (task is null)
            {
                var ended = await ctx.Db.History.Where(h => h.TaskId == taskId && (h.EventType == "TaskCompleted" || h.EventType == "TaskDeleted"))
                    .Select(h => h.EventType).FirstOrDefaultAsync(ct);
                throw ended switch
                {
                    "TaskCompleted" => new ConflictException($"Task '{taskId}' is already completed."),
                    "TaskDeleted" => new ConflictException($"Task '{taskId}' was cancelled by the process."),
                    _ => new NotFoundException($"Task '{taskId}' does not exist."),
                };
            }
            var state = await ctx.LoadInstanceAsync(task.ProcessInstanceId, ct);
            await action(state, task, runner);
            return true;
        }, ct);

    /// <summary>Delivers a message to every execution waiting for it (by business key or instance id), else to a
    /// message start event. Returns how many received it; 0 means nothing waited (the caller reports it).</summary>
    public async Task<int> CorrelateMessageAsync(string messageName, string? businessKey = null, Guid? processInstanceId = null,
        IReadOnlyDictionary<string, object?>? variables = null, string? userId = null, CancellationToken ct = default)
    {
        var count = await _executor.ExecuteAsync(ActorOf(userId), async (ctx, runner) =>
        {
            var correlated = 0;
            if (businessKey is not null || processInstanceId is not null)
            {
                var subscriptions = await ctx.Db.EventSubscriptions
                    .Where(s => s.MessageName == messageName && s.ProcessInstanceId != null)
                    .Where(s => businessKey == null || s.BusinessKey == businessKey)
                    .Where(s => processInstanceId == null || s.ProcessInstanceId == processInstanceId)
                    .OrderBy(s => s.CreatedAt)
                    .AsNoTracking().ToListAsync(ct);
                foreach (var subscription in subscriptions)
                {
                    var state = await ctx.LoadInstanceAsync(subscription.ProcessInstanceId!.Value, ct);
                    if (!state.Subscriptions.Any(s => s.Id == subscription.Id)) continue;
                    if (state.Find(subscription.ExecutionId!.Value) is not { } execution) continue;
                    ctx.History(state, "MessageCorrelated", subscription.ActivityId, null, execution.Id, details: messageName);
                    await runner.TriggerAsync(state, execution, state.Model.Node(subscription.ActivityId), null, variables);
                    await runner.RunAsync();
                    correlated++;
                }
            }
            // A message addressed to one instance never starts another one.
            if (correlated > 0 || processInstanceId is not null) return correlated;
            var starts = await ctx.Db.EventSubscriptions
                .Where(s => s.MessageName == messageName && s.ProcessInstanceId == null).AsNoTracking().ToListAsync(ct);
            foreach (var start in starts)
            {
                var definition = await ctx.Db.ProcessDefinitions.AsNoTracking().FirstAsync(d => d.Id == start.ProcessDefinitionId, ct);
                var model = await _runtime.Definitions.GetModelAsync(ctx.Db, definition.Id, ct);
                var state = runner.StartInstance(definition, model, businessKey, null, (StartEvent)model.Node(start.ActivityId),
                    eventVariables: variables);
                ctx.History(state, "MessageCorrelated", start.ActivityId, "startEvent", details: messageName);
                correlated++;
            }
            return correlated;
        }, ct);
        if (count == 0)
            _logger.LogWarning("Message '{MessageName}' (business key {BusinessKey}, instance {InstanceId}) matched nothing waiting for it",
                messageName, businessKey, processInstanceId);
        return count;
    }

    /// <summary>Transitional: callers that name only a user id (no groups yet).</summary>
    private static Actor ActorOf(string? userId) => userId is null ? Actor.System : new Actor(userId);

    private static ProcessInstanceInfo Snapshot(InstanceState state)
    {
        var active = state.Executions
            .Where(e => e.ParentId is not null && !state.Executions.Any(c => c.ParentId == e.Id))
            .Select(e => e.ActivityId).Distinct().ToList();
        return new ProcessInstanceInfo(state.Id, state.Instance.DefinitionKey, state.Instance.DefinitionVersion, state.Instance.BusinessKey,
            state.Instance.State.ToString(), active, state.VisibleVariables(null), state.Instance.StartedAt, state.Instance.EndedAt,
            state.Instance.SuperProcessInstanceId);
    }
}
