using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>What operators do to a running instance: cancel it, and Camunda 7's process instance modification.</summary>
internal sealed partial class Runner
{
    /// <summary>Cancels every activity of the instance (end listeners run, innermost first, called instances terminated),
    /// then ends it as <see cref="ProcessInstanceState.Cancelled"/>; a calling instance is not resumed.</summary>
    public async Task CancelInstanceAsync(InstanceState state, string reason)
    {
        foreach (var child in state.Children(state.Root).ToList()) await CancelAsync(state, child, includeSelf: true);
        await EndInstanceAsync(state, ProcessInstanceState.Cancelled, resumeCaller: false, reason);
    }

    /// <summary>Cancels one activity instance (a token or a scope). A scope left without tokens is cancelled with it; the
    /// instance itself is ended by the caller once every instruction ran (<see cref="EndIfEmptyAsync"/>).</summary>
    public async Task CancelActivityInstanceAsync(InstanceState state, ExecutionEntity execution)
    {
        var parent = state.Parent(execution);
        await CancelAsync(state, execution, includeSelf: true);
        while (parent is { ParentId: not null } && !state.Children(parent).Any())
        {
            var next = state.Parent(parent);
            await CancelAsync(state, parent, includeSelf: true);
            parent = next;
        }
    }

    /// <summary>After a modification: an instance without any token left ends as cancelled.</summary>
    public async Task<bool> EndIfEmptyAsync(InstanceState state)
    {
        if (!state.IsActive || state.Children(state.Root).Any()) return false;
        await EndInstanceAsync(state, ProcessInstanceState.Cancelled, resumeCaller: false, "no token left after a modification");
        return true;
    }

    /// <summary>A new token enters <paramref name="node"/> in its scope (created, with its boundary events, listeners and
    /// inputs, when no instance of it runs).</summary>
    public async Task StartBeforeAsync(InstanceState state, FlowNode node, Guid? ancestorId, IReadOnlyDictionary<string, object?>? variables)
    {
        var scope = await ScopeExecutionAsync(state, node.Scope, ancestorId);
        var token = NewExecution(state, scope, node.Id);
        SetVariables(state, token, variables);
        Plan(() => EnterAsync(state, token, node));
    }

    /// <summary>A new token leaves <paramref name="node"/> by its one outgoing flow.</summary>
    public async Task StartAfterAsync(InstanceState state, FlowNode node, Guid? ancestorId, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node.Outgoing.Count != 1)
            throw new RejectedException(
                $"startAfterActivity '{node.Id}': the element has {node.Outgoing.Count} outgoing flows; it needs exactly one.");
        var scope = await ScopeExecutionAsync(state, node.Scope, ancestorId);
        var token = NewExecution(state, scope, node.Id);
        SetVariables(state, token, variables);
        var flow = node.Outgoing[0];
        await NotifyExecutionListenersAsync(state, token, flow.TakeListeners, "take");
        Plan(() => EnterAsync(state, token, flow.Target));
    }

    /// <summary>The execution of <paramref name="scope"/> a new token goes into: the root for the process; the one running
    /// instance of a subprocess (under <paramref name="ancestorId"/> when given), else a new one in its own scope.</summary>
    private async Task<ExecutionEntity> ScopeExecutionAsync(InstanceState state, ScopeModel scope, Guid? ancestorId)
    {
        if (scope is ProcessModel) return state.Root;
        var sub = (SubProcess)scope;
        if (sub.TriggeredByEvent)
            throw new RejectedException($"'{sub.Id}' is an event subprocess: start its start event's trigger instead (a message or a timer).");
        if (sub.MultiInstance is not null)
            throw new RejectedException($"'{sub.Id}' is a multi-instance subprocess: starting inside one of its instances is not supported.");
        var running = state.Executions
            .Where(e => e.ActivityId == sub.Id && !e.IsMultiInstanceBody && state.Children(e).Any())
            .Where(e => ancestorId is null || state.SelfAndAncestors(e).Any(a => a.Id == ancestorId))
            .ToList();
        switch (running.Count)
        {
            case 1:
                return running[0];
            case > 1:
                throw new RejectedException(
                    $"{running.Count} instances of subprocess '{sub.Id}' run: name the one to start in (ancestorActivityInstanceId).");
        }
        var parent = await ScopeExecutionAsync(state, sub.Scope, ancestorId);
        var execution = NewExecution(state, parent, sub.Id);
        ctx.History(state, "ActivityStarted", sub.Id, sub.ElementType, execution.Id);
        CreateBoundaryArtifacts(state, execution, sub);
        await NotifyExecutionListenersAsync(state, execution, sub.ExecutionListeners, "start");
        ApplyInputs(state, execution, sub);
        EnterScope(state, execution, sub);
        return execution;
    }
}
