using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reclamations.Engine.Api;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Variables;

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

    /// <summary>Deploys through the API (or the studio) as <paramref name="deployer"/>, who is recorded on each new version with
    /// <paramref name="comment"/> (at most 2,000 characters) and in the history.</summary>
    public Task<IReadOnlyList<DeployedDefinition>> DeployAsync(IReadOnlyList<BpmnResource> resources, Actor deployer, string? comment,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        if (comment?.Length > 2000) throw new RejectedException("comment: at most 2,000 characters.");
        return DeployAsync(resources, DeploymentSource.Api, ct, deployer, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
    }

    /// <summary>Deploys BPMN files from <paramref name="source"/>: all or nothing (see <see cref="DeploymentSource"/> for when a
    /// file makes a new version).</summary>
    public Task<IReadOnlyList<DeployedDefinition>> DeployAsync(IReadOnlyList<BpmnResource> resources, DeploymentSource source,
        CancellationToken ct = default) => DeployAsync(resources, source, ct, Actor.System, null);

    /// <summary>Checks BPMN files exactly as a deployment would (parser, registered handler names, timer cycles, history time to
    /// live), without deploying them: the keys of the processes they define.</summary>
    /// <exception cref="BpmnValidationException">With every problem found, each naming its element.</exception>
    public IReadOnlyList<string> Validate(IReadOnlyList<BpmnResource> resources) =>
        ParseForDeployment(resources).Select(p => p.Model.Id).ToList();

    private List<(BpmnResource Resource, ProcessModel Model)> ParseForDeployment(IReadOnlyList<BpmnResource> resources)
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
                    errors.AddRange(TimerCycleCheck.Check(model, Time.GetUtcNow(), _runtime.TimeZone, _runtime.Options.MinimumCyclePeriod));
                    if (HistoryRetention.CheckTimeToLive(model, _runtime.Options) is { } ttlError) errors.Add(ttlError);
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
        return parsed;
    }

    private async Task<IReadOnlyList<DeployedDefinition>> DeployAsync(IReadOnlyList<BpmnResource> resources, DeploymentSource source,
        CancellationToken ct, Actor deployer, string? comment)
    {
        var parsed = ParseForDeployment(resources);

        return await _executor.ExecuteAsync(deployer, async (ctx, runner) =>
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
                    Xml = resource.Xml, XmlHash = hash, DeployedAt = ctx.Now, Source = origin, DeployedBy = deployer.Id, Comment = comment,
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

    /// <summary>Starts the latest version of a process at its none start event. Allowed to the definition's candidate starters
    /// (else the configured starter groups); the variables are checked against the start form when there is one.</summary>
    public async Task<ProcessInstanceInfo> StartProcessAsync(string key, string? businessKey,
        IReadOnlyDictionary<string, object?>? variables, Actor actor, CancellationToken ct = default)
    {
        var state = await _executor.ExecuteAsync(actor, async (ctx, runner) =>
        {
            var (definition, model) = await StartableAsync(ctx, key, actor, ct);
            return runner.StartInstance(definition, model, businessKey, StartVariables(model, variables));
        }, ct);
        return Snapshot(state);
    }

    /// <summary>Starts the latest version of a process in one transaction with the caller's own writes: <paramref name="prepare"/>
    /// runs first on the engine's connection and transaction (e.g. registers the record the process is about) and gives the
    /// business key and variables; <paramref name="started"/> runs once the instance rests in its first wait states (e.g. links
    /// the record to it). Anything thrown rolls everything back. Same rules as the other overload.</summary>
    public async Task<ProcessInstanceInfo> StartProcessAsync(string key, Func<EngineTransaction, Task<ProcessStart>> prepare,
        Func<EngineTransaction, ProcessInstanceInfo, Task>? started, Actor actor, CancellationToken ct = default)
    {
        var state = await _executor.ExecuteAsync(actor, async (ctx, runner) =>
        {
            var (definition, model) = await StartableAsync(ctx, key, actor, ct);
            var transaction = new EngineTransaction(ctx.Connection, ctx.Transaction, ctx.Now, ctx.Services);
            var start = await prepare(transaction);
            var instance = runner.StartInstance(definition, model, start.BusinessKey, StartVariables(model, start.Variables));
            await runner.RunAsync();
            if (started is not null) await started(transaction, Snapshot(instance));
            return instance;
        }, ct);
        return Snapshot(state);
    }

    /// <summary>The latest version of <paramref name="key"/> and its model, once <paramref name="actor"/> may start it.</summary>
    private async Task<(ProcessDefinitionEntity Definition, ProcessModel Model)> StartableAsync(CommandContext ctx, string key, Actor actor,
        CancellationToken ct)
    {
        var definition = await _runtime.Definitions.GetLatestAsync(ctx.Db, key, ct)
            ?? throw new NotFoundException($"No process with key '{key}' is deployed.");
        var model = await _runtime.Definitions.GetModelAsync(ctx.Db, definition.Id, ct);
        EnsureMayStart(model, actor);
        return (definition, model);
    }

    /// <summary>Claim: a candidate (user or group member) takes an unassigned task.</summary>
    public Task ClaimTaskAsync(Guid taskId, Actor actor, CancellationToken ct = default) =>
        OnTaskAsync(taskId, actor, async (state, task, runner) =>
        {
            if (AccessRules.IsAssignee(task, actor)) return;
            if (!actor.IsSystem && !AccessRules.IsCandidate(task, actor))
                throw Refuse(actor, "claim", task, "they are not a candidate of it");
            if (task.Assignee is not null)
                throw new ConflictException($"Task '{taskId}' is already claimed by '{task.Assignee}'.");
            await runner.AssignAsync(state, task, actor.Id, "TaskClaimed");
        }, ct);

    /// <summary>Unclaim: the assignee gives the task back to its candidates.</summary>
    public Task UnclaimTaskAsync(Guid taskId, Actor actor, CancellationToken ct = default) =>
        OnTaskAsync(taskId, actor, async (state, task, runner) =>
        {
            if (task.Assignee is null && (actor.IsSystem || AccessRules.IsCandidate(task, actor))) return;
            if (!actor.IsSystem && !AccessRules.IsAssignee(task, actor))
                throw Refuse(actor, "unclaim", task, task.Assignee is null ? "they are not a candidate of it" : $"it is assigned to '{task.Assignee}'");
            if (task.DelegationState == TaskDelegation.Pending)
                throw new ConflictException($"Task '{taskId}' was delegated to '{task.Assignee}' by '{task.Owner}': resolve it to give it back.");
            await runner.AssignAsync(state, task, null, "TaskUnclaimed");
        }, ct);

    /// <summary>Set assignee (reassign, or unassign with null): the assignee or a supervisor; audited (TaskAssigned).</summary>
    public Task AssignTaskAsync(Guid taskId, string? assignee, Actor actor, CancellationToken ct = default) =>
        OnTaskAsync(taskId, actor, async (state, task, runner) =>
        {
            EnsureAssigneeOrSupervisor(actor, "reassign", task);
            await runner.AssignAsync(state, task, string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim(), "TaskAssigned");
        }, ct);

    /// <summary>Completes a task with form values (only fields of its form, validated) and moves its token on. Allowed to the
    /// assignee, or, for an unassigned task, to a candidate, who becomes its assignee first (the assignment listeners decide).
    /// A delegate completing a delegated task resolves it: it returns to its owner (see <see cref="ResolveTaskAsync"/>).</summary>
    public Task CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, object?>? variables, Actor actor,
        CancellationToken ct = default) =>
        OnTaskAsync(taskId, actor, async (state, task, runner) =>
        {
            if (task.DelegationState == TaskDelegation.Pending)
            {
                EnsureDelegate(actor, task);
                await runner.ResolveAsync(state, task, variables);
                return;
            }
            await EnsureMayCompleteAsync(actor, state, task, runner);
            await runner.CompleteUserTaskAsync(state, task, variables);
        }, ct);

    private Task OnTaskAsync(Guid taskId, Actor actor, Func<InstanceState, TaskEntity, Runner, Task> action, CancellationToken ct) =>
        _executor.ExecuteAsync(actor, async (ctx, runner) =>
        {
            var task = await TaskQueries.ById(ctx.Db, taskId, ct);
            // A task of an instance the actor may not read does not exist for them, open or ended (nothing leaks).
            if (task is not null && !Readers.MayRead(actor, task.ReaderGroups)) task = null;
            if (task is null)
            {
                var ended = await ctx.Db.History.Where(h => h.TaskId == taskId && (h.EventType == "TaskCompleted" || h.EventType == "TaskDeleted"))
                    .Select(h => new { h.EventType, h.ProcessInstanceId }).FirstOrDefaultAsync(ct);
                var readers = ended is null ? null : await ctx.Db.ProcessInstances.AsNoTracking()
                    .Where(i => i.Id == ended.ProcessInstanceId).Select(i => i.ReaderGroups).FirstOrDefaultAsync(ct);
                throw (ended is not null && Readers.MayRead(actor, readers) ? ended.EventType : null) switch
                {
                    "TaskCompleted" => new ConflictException($"Task '{taskId}' is already completed."),
                    "TaskDeleted" => new ConflictException($"Task '{taskId}' was cancelled by the process."),
                    _ => new NotFoundException($"Task '{taskId}' does not exist."),
                };
            }
            var state = await ctx.LoadInstanceAsync(task.ProcessInstanceId, ct);
            if (state.Instance.IsSuspended)
                throw new ConflictException($"Process instance '{state.Id}' is suspended: its task '{taskId}' cannot be worked on until it is activated.");
            await action(state, task, runner);
            return true;
        }, ct);

    /// <summary>Delivers a message to every execution waiting for it (by business key or instance id), else to a
    /// message start event. Returns how many received it; 0 means nothing waited (the caller reports it). Allowed to the
    /// configured message senders.</summary>
    public async Task<int> CorrelateMessageAsync(string messageName, string? businessKey, Guid? processInstanceId,
        IReadOnlyDictionary<string, object?>? variables, Actor actor, CancellationToken ct = default) =>
        (await CorrelateAsync(new CorrelationRequest(messageName, businessKey, processInstanceId, Variables: variables, All: true),
            actor, strict: false, ct)).Correlated;

    /// <summary>Camunda's <c>correlate</c> (see <see cref="CorrelationRequest"/>): exactly one match unless
    /// <see cref="CorrelationRequest.All"/>; several: <see cref="ConflictException"/> naming the count; none:
    /// <see cref="NotFoundException"/>, or the message is buffered when it has a time to live. Suspended instances are
    /// not matched.</summary>
    public Task<CorrelationResult> CorrelateMessageAsync(CorrelationRequest request, Actor actor, CancellationToken ct = default) =>
        CorrelateAsync(request, actor, strict: true, ct);

    /// <summary>Delivers a message, in one transaction with the caller's own writes: <paramref name="before"/> runs first on
    /// the engine's connection and transaction (e.g. closes the record the waiting processes are about). Whatever matches is
    /// delivered (<see cref="CorrelationRequest.All"/> is implied, and nothing waiting is no error); anything thrown rolls
    /// everything back.</summary>
    public Task<CorrelationResult> CorrelateMessageAsync(CorrelationRequest request, Func<EngineTransaction, Task> before, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(before);
        return CorrelateAsync(request with { All = true }, actor, strict: false, ct, before);
    }

    private async Task<CorrelationResult> CorrelateAsync(CorrelationRequest request, Actor actor, bool strict, CancellationToken ct,
        Func<EngineTransaction, Task>? before = null)
    {
        var messageName = request.MessageName;
        if (string.IsNullOrWhiteSpace(messageName)) throw new RejectedException("messageName is required.");
        EnsureMaySendMessages(actor, messageName);
        EngineVariables.RefuseInternal(request.Variables);
        if (request.TimeToLive is { } ttl && ttl <= TimeSpan.Zero)
            throw new RejectedException($"timeToLive: {ttl} is not a positive duration.");
        var keys = request.CorrelationKeys?.ToDictionary(k => k.Key, k => VariableSerializer.Serialize(k.Value), StringComparer.Ordinal);
        var result = await _executor.ExecuteAsync(actor, async (ctx, runner) =>
        {
            if (before is not null) await before(new EngineTransaction(ctx.Connection, ctx.Transaction, ctx.Now, ctx.Services));
            IQueryable<EventSubscriptionEntity> query = ctx.Db.EventSubscriptions.AsNoTracking()
                .Where(s => s.MessageName == messageName && s.ProcessInstanceId != null)
                .Where(s => ctx.Db.ProcessInstances.Any(i => i.Id == s.ProcessInstanceId && i.State == ProcessInstanceState.Active && !i.IsSuspended));
            if (request.BusinessKey is { } businessKey) query = query.Where(s => s.BusinessKey == businessKey);
            if (request.ProcessInstanceId is { } instanceId) query = query.Where(s => s.ProcessInstanceId == instanceId);
            foreach (var (name, (type, json)) in keys ?? [])
                query = query.Where(s => ctx.Db.Variables.Any(v =>
                    v.ProcessInstanceId == s.ProcessInstanceId && v.ExecutionId == null && v.Name == name && v.Type == type && v.Json == json));
            var subscriptions = await query.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);
            // A message addressed to one instance (or to instance variables) never starts another one.
            var starts = subscriptions.Count > 0 || request.ProcessInstanceId is not null || keys is { Count: > 0 }
                ? []
                : await ctx.Db.EventSubscriptions.AsNoTracking()
                    .Where(s => s.MessageName == messageName && s.ProcessInstanceId == null).ToListAsync(ct);
            var matches = subscriptions.Count + starts.Count;
            if (strict && matches > 1 && !request.All)
                throw new ConflictException($"Message '{messageName}' matches {matches} waiting executions or start events; " +
                                            "narrow it (businessKey, processInstanceId, correlationKeys) or send it with all=true.");
            if (matches == 0)
            {
                if (request.TimeToLive is not { } timeToLive) return new CorrelationResult(0, []);
                var buffered = new BufferedMessageEntity
                {
                    Id = EngineIds.New(), MessageName = messageName, BusinessKey = request.BusinessKey,
                    ProcessInstanceId = request.ProcessInstanceId, CorrelationKeys = BufferedMessages.Write(request.CorrelationKeys),
                    Variables = BufferedMessages.Write(request.Variables), UserId = ctx.UserId, CreatedAt = ctx.Now,
                    ExpiresAt = ctx.Now + timeToLive,
                };
                ctx.Db.BufferedMessages.Add(buffered);
                ctx.PendingHistory.Add(new HistoryEventEntity
                {
                    ProcessInstanceId = null, Timestamp = ctx.Now, EventType = "MessageBuffered", UserId = ctx.UserId,
                    Details = $"{messageName} until {buffered.ExpiresAt:O}" +
                              (request.BusinessKey is null ? "" : $", business key {request.BusinessKey}") +
                              (request.ProcessInstanceId is null ? "" : $", instance {request.ProcessInstanceId}"),
                });
                return new CorrelationResult(0, [], true, buffered.Id, buffered.ExpiresAt);
            }
            var reached = new List<Guid>();
            foreach (var subscription in subscriptions)
            {
                var state = await ctx.LoadInstanceAsync(subscription.ProcessInstanceId!.Value, ct);
                if (!state.Subscriptions.Any(s => s.Id == subscription.Id)) continue;
                if (state.Find(subscription.ExecutionId!.Value) is not { } execution) continue;
                ctx.History(state, "MessageCorrelated", subscription.ActivityId, null, execution.Id, details: messageName);
                await runner.TriggerAsync(state, execution, state.Model.Node(subscription.ActivityId), null, request.Variables);
                await runner.RunAsync();
                reached.Add(state.Id);
            }
            foreach (var start in starts)
            {
                var definition = await ctx.Db.ProcessDefinitions.AsNoTracking().FirstAsync(d => d.Id == start.ProcessDefinitionId, ct);
                var model = await _runtime.Definitions.GetModelAsync(ctx.Db, definition.Id, ct);
                var state = runner.StartInstance(definition, model, request.BusinessKey, null, (StartEvent)model.Node(start.ActivityId),
                    eventVariables: request.Variables);
                ctx.History(state, "MessageCorrelated", start.ActivityId, "startEvent", details: messageName);
                reached.Add(state.Id);
            }
            return new CorrelationResult(reached.Count, reached);
        }, ct);
        if (result.Correlated == 0 && !result.Buffered)
        {
            _logger.LogWarning("Message '{MessageName}' (business key {BusinessKey}, instance {InstanceId}) matched nothing waiting for it",
                messageName, request.BusinessKey, request.ProcessInstanceId);
            if (strict)
                throw new NotFoundException($"No process waits for message '{messageName}'" +
                                            (request.BusinessKey is null ? "" : $" with business key '{request.BusinessKey}'") +
                                            (request.ProcessInstanceId is null ? "" : $" in instance '{request.ProcessInstanceId}'") +
                                            (keys is { Count: > 0 } ? $" with {string.Join(", ", keys.Keys)} as given" : "") + ".");
        }
        return result;
    }

    private static ProcessInstanceInfo Snapshot(InstanceState state)
    {
        var active = state.Executions
            .Where(e => e.ParentId is not null && !state.Executions.Any(c => c.ParentId == e.Id))
            .Select(e => e.ActivityId).Distinct().ToList();
        return new ProcessInstanceInfo(state.Id, state.Instance.DefinitionKey, state.Instance.DefinitionVersion, state.Instance.BusinessKey,
            state.Instance.State.ToString(), active, state.VisibleVariables(null), state.Instance.StartedAt, state.Instance.EndedAt,
            state.Instance.SuperProcessInstanceId, state.Instance.IsSuspended, state.Instance.LegalHold);
    }
}
