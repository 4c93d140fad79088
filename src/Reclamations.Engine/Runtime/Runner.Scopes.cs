using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Instances, scopes, cancellation and call activities.</summary>
internal sealed partial class Runner
{
    /// <summary>Creates an instance and queues its first step (at <paramref name="start"/>, else the none start event).</summary>
    public InstanceState StartInstance(ProcessDefinitionEntity definition, ProcessModel model, string? businessKey,
        IReadOnlyDictionary<string, object?>? variables, StartEvent? start = null,
        InstanceState? caller = null, ExecutionEntity? callerExecution = null,
        IReadOnlyDictionary<string, object?>? eventVariables = null)
    {
        start ??= model.NoneStartEvent
            ?? throw new ProcessEngineException($"Process '{model.Id}' has no none start event; start it by a message or a timer.");
        var state = StartInstanceWithoutToken(definition, model, businessKey, variables, caller, callerExecution, eventVariables);
        var root = state.Root;
        var token = NewExecution(state, root, start.Id);
        Plan(() => EnterAsync(state, token, start));
        return state;
    }

    /// <summary>Arms the triggers of the event subprocesses of a scope that has just been entered.</summary>
    private void EnterScope(InstanceState state, ExecutionEntity scope, ScopeModel model)
    {
        foreach (var eventSub in model.EventSubProcesses)
        foreach (var start in eventSub.StartEvents)
        {
            switch (start.EventDefinition)
            {
                case MessageEventDefinition message:
                    Subscribe(state, scope, start.Id, message.MessageName);
                    break;
                case TimerEventDefinition timer:
                    CreateTimerJob(state, scope, start.Id, timer);
                    break;
            }
        }
    }

    /// <summary>An event subprocess starts in <paramref name="scope"/>; an interrupting one cancels the rest of the scope first.</summary>
    private async Task StartEventSubProcessAsync(InstanceState state, ExecutionEntity scope, StartEvent start,
        IReadOnlyDictionary<string, object?>? variables)
    {
        var eventSub = (SubProcess)start.Scope;
        if (start.IsInterrupting)
        {
            foreach (var child in state.Children(scope).ToList()) await CancelAsync(state, child, includeSelf: true);
            RemoveEventSubProcessTriggers(state, scope);
        }
        var subScope = NewExecution(state, scope, eventSub.Id);
        ctx.History(state, "ActivityStarted", eventSub.Id, eventSub.ElementType, subScope.Id);
        EnterScope(state, subScope, eventSub);
        var token = NewExecution(state, subScope, start.Id);
        ctx.History(state, "ActivityStarted", start.Id, start.ElementType, token.Id);
        SetVariables(state, token, variables);
        await LeaveAsync(state, token);
    }

    /// <summary>Withdraws the event subprocess triggers armed on a scope; the boundary events of the scope's own activity stay.</summary>
    private void RemoveEventSubProcessTriggers(InstanceState state, ExecutionEntity scope)
    {
        foreach (var job in state.Jobs.Where(j => j.ExecutionId == scope.Id && state.Model.Node(j.ActivityId) is StartEvent).ToList())
        {
            state.Jobs.Remove(job);
            ctx.Db.Jobs.Remove(job);
        }
        foreach (var subscription in state.Subscriptions
                     .Where(s => s.ExecutionId == scope.Id && state.Model.Node(s.ActivityId) is StartEvent).ToList())
        {
            state.Subscriptions.Remove(subscription);
            ctx.Db.EventSubscriptions.Remove(subscription);
        }
    }

    /// <summary>Ends the instance: every execution, task, job and subscription goes; instance variables stay readable.</summary>
    private async Task EndInstanceAsync(InstanceState state, ProcessInstanceState final, bool resumeCaller, string? details = null)
    {
        foreach (var execution in state.Executions.ToList())
        {
            if (execution.ParentId is not null) await CancelCalledInstanceAsync(state, execution);
            RemoveExecution(state, execution);
        }
        state.Instance.State = final;
        state.Instance.EndedAt = ctx.Now;
        ctx.History(state, final switch
        {
            ProcessInstanceState.Completed => "ProcessCompleted",
            ProcessInstanceState.Cancelled => "ProcessCancelled",
            _ => "ProcessTerminated",
        }, state.Model.Id, "process", details: details);

        if (!resumeCaller || state.Instance.SuperProcessInstanceId is not { } callerId) return;
        var caller = await ctx.LoadInstanceAsync(callerId, ct);
        if (caller.Find(state.Instance.SuperExecutionId!.Value) is not { } callerExecution) return;
        var call = (CallActivity)caller.Model.Node(callerExecution.ActivityId);
        List<MappedVariable> outputs;
        try
        {
            var calledVariables = state.VisibleVariables(null);
            outputs = MapVariables(call.OutMappings, calledVariables, calledVariables);
        }
        catch (Exception e) when (e is not ProcessEngineException)
        {
            throw new ProcessEngineException($"Call activity '{call.Id}', camunda:out: {e.Message}", e);
        }
        // What a restricted instance hands back is restricted in its caller too (the value only: the caller runs on).
        var readers = state.Instance.ReaderGroups;
        foreach (var (name, value, local) in outputs)
            if (local) ctx.SetLocalVariable(caller, callerExecution, name, value, readers);
            else ctx.SetVariable(caller, callerExecution, name, value, readers);
        Plan(() => LeaveAsync(caller, callerExecution));
    }

    /// <summary>Terminate end event: ends its scope (the instance at top level) at once.</summary>
    private async Task TerminateAsync(InstanceState state, ExecutionEntity execution)
    {
        var scope = state.Parent(execution)!;
        foreach (var child in state.Children(scope).ToList())
            if (child != execution) await CancelAsync(state, child, includeSelf: true);
        RemoveExecution(state, execution);
        if (scope.ParentId is null)
            await EndInstanceAsync(state, ProcessInstanceState.Terminated, resumeCaller: true);
        else
            await CompleteScopeAsync(state, scope);
    }

    /// <summary>Cancels an execution's subtree, innermost first: child tokens, tasks, timers, subscriptions, called
    /// instances; the <c>end</c> execution listeners of every activity that had started run, as in Camunda.</summary>
    private async Task CancelAsync(InstanceState state, ExecutionEntity execution, bool includeSelf)
    {
        foreach (var child in state.Children(execution).ToList()) await CancelAsync(state, child, includeSelf: true);
        await CancelCalledInstanceAsync(state, execution);
        if (IsInsideActivity(state, execution) && state.Model.NodesById.GetValueOrDefault(execution.ActivityId) is { } node)
            await NotifyExecutionListenersAsync(state, execution, node.ExecutionListeners, "end");
        RemoveWaitArtifacts(state, execution);
        ctx.History(state, "ActivityCancelled", execution.ActivityId, state.Model.NodesById.GetValueOrDefault(execution.ActivityId)?.ElementType,
            execution.Id);
        if (includeSelf) RemoveExecution(state, execution);
        else
        {
            ctx.RemoveLocalVariables(state, execution);
            execution.IsMultiInstanceBody = false;
            execution.IsJoined = false;
        }
    }

    /// <summary>Whether the token is inside its activity: not a multi-instance body (its inner instances are), not
    /// resting at a join, not waiting to start (asyncBefore) or having already ended it (asyncAfter).</summary>
    private static bool IsInsideActivity(InstanceState state, ExecutionEntity execution) =>
        !execution.IsMultiInstanceBody && !execution.IsJoined &&
        !state.Jobs.Any(j => j.ExecutionId == execution.Id && j.Kind is JobKind.AsyncBefore or JobKind.AsyncAfter);

    private async Task CancelCalledInstanceAsync(InstanceState state, ExecutionEntity execution)
    {
        if (state.Model.NodesById.GetValueOrDefault(execution.ActivityId) is not CallActivity) return;
        var calledIds = await ctx.Db.ProcessInstances
            .Where(i => i.SuperExecutionId == execution.Id && i.State == ProcessInstanceState.Active)
            .Select(i => i.Id).ToListAsync(ct);
        foreach (var id in calledIds)
        {
            var called = await ctx.LoadInstanceAsync(id, ct);
            if (called.IsActive) await EndInstanceAsync(called, ProcessInstanceState.Terminated, resumeCaller: false);
        }
    }

    private async Task StartCalledInstanceAsync(InstanceState state, ExecutionEntity execution, CallActivity call)
    {
        var definition = await Rt.Definitions.GetLatestAsync(ctx.Db, call.CalledElement, ct)
            ?? throw new ProcessEngineException($"Call activity '{call.Id}' calls process '{call.CalledElement}', which is not deployed.");
        var model = await Rt.Definitions.GetModelAsync(ctx.Db, definition.Id, ct);
        var variables = state.VisibleVariables(execution);
        string? businessKey;
        Dictionary<string, object?> inputs;
        try
        {
            businessKey = call.BusinessKeyExpression is { } expression
                ? Rt.Expressions.EvaluateString(expression, variables)
                : state.Instance.BusinessKey;
            inputs = MapVariables(call.InMappings, variables, state.LocalVariables(execution))
                .ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not ProcessEngineException)
        {
            throw new ProcessEngineException($"Call activity '{call.Id}', camunda:in: {e.Message}", e);
        }
        StartInstance(definition, model, businessKey, inputs, caller: state, callerExecution: execution);
    }

    private readonly record struct MappedVariable(string Name, object? Value, bool Local);

    /// <summary>camunda:in / camunda:out: all variables, or source/sourceExpression → target, later mappings winning.
    /// <c>local="true"</c> reads an in-mapping from the call activity's local variables only (<paramref name="local"/>)
    /// and makes an out-mapping's variables local to the call activity (its output parameters can then map them).</summary>
    private List<MappedVariable> MapVariables(IEnumerable<VariableMapping> mappings, IReadOnlyDictionary<string, object?> visible,
        IReadOnlyDictionary<string, object?> local)
    {
        var result = new Dictionary<string, MappedVariable>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            var from = mapping.Local ? local : visible;
            if (mapping.All)
            {
                foreach (var (name, value) in from) result[name] = new(name, value, mapping.Local);
            }
            else if (mapping.Target is { } target)
            {
                if (mapping.SourceExpression is { } expression)
                    result[target] = new(target, Rt.Expressions.Evaluate(expression, from), mapping.Local);
                else if (mapping.Source is { } source && from.TryGetValue(source, out var value))
                    result[target] = new(target, value, mapping.Local);
            }
        }
        return [.. result.Values];
    }

    private void SetVariables(InstanceState state, ExecutionEntity execution, IReadOnlyDictionary<string, object?>? variables)
    {
        if (variables is null) return;
        foreach (var (name, value) in variables) ctx.SetVariable(state, execution, name, value);
    }
}
