using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reclamations.Engine.Api;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Operator commands: cancel, suspend / activate, set a variable, modification, resolve an incident, legal hold.
/// Each is allowed to <see cref="EngineOptions.OperatorGroups"/> only (else <see cref="ForbiddenException"/>, logged) and
/// leaves history rows naming the operator.</summary>
public sealed partial class ProcessEngine
{
    /// <summary>Refuses (and logs) an actor that is not an operator. The engine itself (<see cref="Actor.System"/>) may.</summary>
    private void RequireOperator(Actor actor, string what)
    {
        if (actor.IsSystem || actor.InAnyGroup(_runtime.Options.OperatorGroups)) return;
        _logger.LogWarning("Refused: {Actor} may not {What} (operators: {Groups})", actor, what,
            string.Join(", ", _runtime.Options.OperatorGroups));
        throw new ForbiddenException(
            $"Only an operator ({string.Join(", ", _runtime.Options.OperatorGroups)}) may {what}; '{actor.Id}' is not one.");
    }

    private static void RequireActive(InstanceState state, string what)
    {
        if (!state.IsActive)
            throw new ConflictException($"Process instance '{state.Id}' has ended ({state.Instance.State}); it cannot be {what}.");
    }

    /// <summary>Cancels an instance: every activity is cancelled with its end listeners, called instances are terminated,
    /// the instance ends as Cancelled with the reason in history. An instance started by a call activity is cancelled
    /// through its caller (cancel or modify that one), so that the caller never waits for ever.</summary>
    public Task CancelProcessInstanceAsync(Guid processInstanceId, string reason, Actor actor, CancellationToken ct = default)
    {
        RequireOperator(actor, "cancel a process instance");
        if (string.IsNullOrWhiteSpace(reason)) throw new RejectedException("reason: a cancellation needs a reason.");
        return _executor.ExecuteAsync(actor, async (ctx, runner) =>
        {
            var state = await ctx.LoadInstanceAsync(processInstanceId, ct);
            RequireActive(state, "cancelled");
            if (state.Instance.SuperProcessInstanceId is { } callerId
                && await ctx.Db.ProcessInstances.AnyAsync(i => i.Id == callerId && i.State == ProcessInstanceState.Active, ct))
                throw new ConflictException(
                    $"Process instance '{processInstanceId}' was started by a call activity of instance '{callerId}'; cancel or modify that one.");
            await runner.CancelInstanceAsync(state, reason);
            await ResolveIncidentsOfRemovedJobsAsync(ctx, state, "instance cancelled", ct);
            return true;
        }, ct);
    }

    /// <summary>Suspends an instance and the instances it called: its jobs are not acquired, its tasks cannot be claimed or
    /// completed (409), messages do not reach it. Suspending a suspended instance changes nothing.</summary>
    public Task SuspendProcessInstanceAsync(Guid processInstanceId, Actor actor, string? reason = null, CancellationToken ct = default) =>
        SetSuspendedAsync(processInstanceId, true, actor, reason, ct);

    /// <summary>Activates a suspended instance (and the instances it called): it moves again.</summary>
    public Task ActivateProcessInstanceAsync(Guid processInstanceId, Actor actor, string? reason = null, CancellationToken ct = default) =>
        SetSuspendedAsync(processInstanceId, false, actor, reason, ct);

    private Task SetSuspendedAsync(Guid processInstanceId, bool suspended, Actor actor, string? reason, CancellationToken ct)
    {
        RequireOperator(actor, suspended ? "suspend a process instance" : "activate a process instance");
        return _executor.ExecuteAsync(actor, async (ctx, _) =>
        {
            var root = await ctx.LoadInstanceAsync(processInstanceId, ct);
            RequireActive(root, suspended ? "suspended" : "activated");
            var pending = new Queue<InstanceState>([root]);
            while (pending.TryDequeue(out var state))
            {
                if (state.Instance.IsSuspended != suspended)
                {
                    state.Instance.IsSuspended = suspended;
                    foreach (var job in state.Jobs)
                    {
                        job.IsSuspended = suspended;
                        job.Revision++;
                    }
                    ctx.History(state, suspended ? "ProcessSuspended" : "ProcessActivated", state.Model.Id, "process", details: reason);
                    if (!suspended && state.Jobs.Any(j => j.DueAt <= ctx.Now)) ctx.CreatedDueJob = true;
                }
                var called = await ctx.Db.ProcessInstances.AsNoTracking()
                    .Where(i => i.SuperProcessInstanceId == state.Id && i.State == ProcessInstanceState.Active)
                    .Select(i => i.Id).ToListAsync(ct);
                foreach (var id in called) pending.Enqueue(await ctx.LoadInstanceAsync(id, ct));
            }
            return true;
        }, ct);
    }

    /// <summary>Sets an instance variable (typed value, audited in history with the operator). Engine-internal names and the
    /// variables of <see cref="EngineOptions.OperatorProtectedVariables"/> are refused; a restricted variable only by one
    /// of its readers.</summary>
    public Task SetVariableAsync(Guid processInstanceId, string name, object? value, Actor actor, CancellationToken ct = default)
    {
        RequireOperator(actor, "set a process variable");
        CheckOperatorWrite(actor, name);
        return _executor.ExecuteAsync(actor, async (ctx, _) =>
        {
            var state = await ctx.LoadInstanceAsync(processInstanceId, ct);
            RequireActive(state, "changed");
            try
            {
                ctx.SetVariable(state, null, name, value);
            }
            catch (ArgumentException e)
            {
                throw new RejectedException($"Variable '{name}': {e.Message}");
            }
            return true;
        }, ct);
    }

    /// <summary>What an operator may not write: engine-internal names, <see cref="EngineOptions.OperatorProtectedVariables"/>
    /// (the stored regulatory dates), and restricted variables unless the operator may read them.</summary>
    private void CheckOperatorWrite(Actor actor, string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new RejectedException("name: a variable needs a name.");
        if (EngineVariableNames.IsInternal(name))
            throw new RejectedException($"Variable '{name}' is written by the engine only.");
        if (_runtime.Options.OperatorProtectedVariables.Contains(name))
            throw new RejectedException($"Variable '{name}' is protected (a stored regulatory value): operators cannot change it.");
        if (!CanReadRestricted(actor) && _runtime.Options.RestrictedVariables.Contains(name))
            throw new ForbiddenException($"Variable '{name}' is restricted; '{actor.Id}' may not write it.");
    }

    /// <summary>Camunda 7's process instance modification: cancel activity instances, start before / after elements, in the
    /// given order, in one transaction; the whole modification is refused (nothing changes) when one instruction is invalid.
    /// An instance left without any token ends as Cancelled. Incidents of jobs removed on the way are resolved.</summary>
    public Task ModifyProcessInstanceAsync(Guid processInstanceId, ProcessInstanceModification modification, Actor actor,
        CancellationToken ct = default)
    {
        RequireOperator(actor, "modify a process instance");
        if (modification.Instructions.Count == 0) throw new RejectedException("instructions: a modification needs at least one instruction.");
        foreach (var name in modification.Instructions.SelectMany(i => i.Variables?.Keys ?? Enumerable.Empty<string>())) CheckOperatorWrite(actor, name);
        return _executor.ExecuteAsync(actor, async (ctx, runner) =>
        {
            var state = await ctx.LoadInstanceAsync(processInstanceId, ct);
            RequireActive(state, "modified");
            if (state.Instance.IsSuspended)
                throw new ConflictException($"Process instance '{processInstanceId}' is suspended; activate it before modifying it.");
            ctx.History(state, "ProcessModified", state.Model.Id, "process", details: modification.Annotation);
            for (var i = 0; i < modification.Instructions.Count; i++)
            {
                var instruction = modification.Instructions[i];
                var where = $"instructions[{i}] ({instruction.Kind})";
                if (!state.IsActive) throw new RejectedException($"{where}: the instance has already ended.");
                switch (instruction.Kind)
                {
                    case ModificationKind.Cancel:
                        var targets = instruction.ActivityInstanceId is { } instanceId
                            ? [state.Find(instanceId) is { ParentId: not null } found
                                ? found
                                : throw new RejectedException($"{where}: activity instance '{instanceId}' does not run in this instance.")]
                            : instruction.ActivityId is { } activityId
                                ? state.Executions.Where(e => e.ParentId is not null && e.ActivityId == activityId && e.LoopCounter is null)
                                    .ToList()
                                : throw new RejectedException($"{where}: give activityInstanceId or activityId.");
                        if (targets.Count == 0) throw new RejectedException($"{where}: no instance of '{instruction.ActivityId}' runs.");
                        foreach (var target in targets)
                            if (state.Contains(target)) await runner.CancelActivityInstanceAsync(state, target);
                        break;
                    case ModificationKind.StartBeforeActivity or ModificationKind.StartAfterActivity:
                        if (instruction.ActivityId is not { } nodeId || !state.Model.NodesById.TryGetValue(nodeId, out var node))
                            throw new RejectedException($"{where}: process '{state.Model.Id}' has no element '{instruction.ActivityId}'.");
                        if (instruction.Kind == ModificationKind.StartBeforeActivity)
                            await runner.StartBeforeAsync(state, node, instruction.AncestorActivityInstanceId, instruction.Variables);
                        else
                            await runner.StartAfterAsync(state, node, instruction.AncestorActivityInstanceId, instruction.Variables);
                        break;
                    default:
                        throw new RejectedException($"{where}: unknown instruction.");
                }
                await runner.RunAsync();
            }
            await runner.EndIfEmptyAsync(state);
            await ResolveIncidentsOfRemovedJobsAsync(ctx, state, "job removed by an operator", ct);
            return true;
        }, ct);
    }

    /// <summary>Open incidents whose job no longer exists (the operator moved the token away) are resolved.</summary>
    private static async Task ResolveIncidentsOfRemovedJobsAsync(CommandContext ctx, InstanceState state, string why, CancellationToken ct)
    {
        var open = await ctx.Db.Incidents.Where(i => i.ProcessInstanceId == state.Id && i.ResolvedAt == null).ToListAsync(ct);
        foreach (var incident in open.Where(i => !state.Jobs.Any(j => j.Id == i.JobId)))
        {
            incident.ResolvedAt = ctx.Now;
            ctx.History(state, "IncidentResolved", incident.ActivityId, details: $"{why}: {incident.Message}");
        }
    }

    /// <summary>Marks an incident as dealt with (the cause was fixed elsewhere, or a modification moved the token on). Its
    /// job stays parked: retry the job to run it again.</summary>
    public Task ResolveIncidentAsync(Guid incidentId, Actor actor, string? note = null, CancellationToken ct = default)
    {
        RequireOperator(actor, "resolve an incident");
        return _executor.ExecuteAsync(actor, async (ctx, _) =>
        {
            var incident = await ctx.Db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, ct)
                ?? throw new NotFoundException($"Incident '{incidentId}' does not exist.");
            if (incident.ResolvedAt is not null) throw new ConflictException($"Incident '{incidentId}' is already resolved.");
            var state = incident.ProcessInstanceId is { } id ? await ctx.LoadInstanceAsync(id, ct) : null;
            incident.ResolvedAt = ctx.Now;
            ctx.History(state, "IncidentResolved", incident.ActivityId, details: note is null ? incident.Message : $"{note}: {incident.Message}");
            return true;
        }, ct);
    }

    /// <summary>Puts an instance (and the instances it called) under a legal hold, or releases it: the history cleanup never
    /// removes an instance under a hold. For the domain (litigation, inspection) and operators.</summary>
    public Task SetLegalHoldAsync(Guid processInstanceId, bool hold, string reason, Actor actor, CancellationToken ct = default)
    {
        RequireOperator(actor, hold ? "put a process instance under legal hold" : "release a legal hold");
        if (string.IsNullOrWhiteSpace(reason)) throw new RejectedException("reason: a legal hold needs a reason.");
        return _executor.ExecuteAsync(actor, async (ctx, _) =>
        {
            var pending = new Queue<Guid>([processInstanceId]);
            while (pending.TryDequeue(out var id))
            {
                var instance = await ctx.Db.ProcessInstances.FirstOrDefaultAsync(i => i.Id == id, ct)
                    ?? throw new NotFoundException($"Process instance '{id}' does not exist.");
                if (instance.LegalHold != hold)
                {
                    instance.LegalHold = hold;
                    instance.Revision++;
                    ctx.PendingHistory.Add(new HistoryEventEntity
                    {
                        ProcessInstanceId = id, Timestamp = ctx.Now, EventType = hold ? "LegalHoldSet" : "LegalHoldReleased",
                        ActivityId = instance.DefinitionKey, ActivityType = "process", UserId = ctx.UserId, Details = reason,
                    });
                }
                foreach (var called in await ctx.Db.ProcessInstances.AsNoTracking().Where(i => i.SuperProcessInstanceId == id)
                             .Select(i => i.Id).ToListAsync(ct))
                    pending.Enqueue(called);
            }
            return true;
        }, ct);
    }

    /// <summary>Whether the actor may read <see cref="EngineOptions.RestrictedVariables"/>.</summary>
    public bool CanReadRestricted(Actor actor) =>
        actor.IsSystem || actor.InAnyGroup(_runtime.Options.RestrictedVariableReaderGroups);

    /// <summary>The one rule that hides a variable's value (instance variables, history rows) from a reader: its name is in
    /// <see cref="EngineOptions.RestrictedVariables"/> and the reader is not in <see cref="EngineOptions.RestrictedVariableReaderGroups"/>,
    /// or a restricted called instance wrote it through a <c>camunda:out</c> mapping (<paramref name="readerGroups"/>, the
    /// called instance's readers) and the reader is not one of them.</summary>
    private bool VariableHidden(Actor reader, string name, string? readerGroups) =>
        (_runtime.Options.RestrictedVariables.Contains(name) && !CanReadRestricted(reader)) || !Readers.MayRead(reader, readerGroups);
}
