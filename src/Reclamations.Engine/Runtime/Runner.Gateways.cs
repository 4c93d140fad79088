using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Exclusive, parallel, inclusive and event-based gateways.</summary>
internal sealed partial class Runner
{
    private async Task ExecuteGatewayAsync(InstanceState state, ExecutionEntity execution, Gateway gateway)
    {
        switch (gateway)
        {
            case ExclusiveGateway:
            {
                var variables = state.VisibleVariables(execution);
                var flow = gateway.Outgoing.FirstOrDefault(f =>
                               f != gateway.DefaultFlow && ConditionHolds(f, variables))
                           ?? gateway.DefaultFlow
                           ?? throw new ProcessEngineException(
                               $"No outgoing sequence flow of exclusive gateway '{gateway.Id}' has a true condition and there is no default flow.");
                await CompleteNodeAsync(state, execution, gateway);
                await TakeFlowsAsync(state, execution, [flow]);
                break;
            }
            case ParallelGateway:
                if (!Join(state, execution, gateway)) return;
                await CompleteNodeAsync(state, execution, gateway);
                await ForkAsync(state, execution, gateway, gateway.Outgoing);
                break;
            case InclusiveGateway:
                if (!Join(state, execution, gateway)) return;
                await ForkInclusiveAsync(state, execution, gateway);
                break;
            case EventBasedGateway:
                foreach (var target in gateway.Outgoing.Select(f => f.Target))
                {
                    switch (target)
                    {
                        case IntermediateCatchEvent { EventDefinition: TimerEventDefinition timer }:
                            CreateTimerJob(state, execution, target.Id, timer);
                            break;
                        case IntermediateCatchEvent { EventDefinition: MessageEventDefinition message }:
                            Subscribe(state, execution, target.Id, message.MessageName);
                            break;
                        case ReceiveTask receive:
                            Subscribe(state, execution, target.Id, receive.MessageName);
                            break;
                    }
                }
                break;
        }
    }

    private async Task ForkInclusiveAsync(InstanceState state, ExecutionEntity execution, Gateway gateway)
    {
        var variables = state.VisibleVariables(execution);
        var flows = gateway.Outgoing
            .Where(f => f != gateway.DefaultFlow && ConditionHolds(f, variables))
            .ToList();
        if (flows.Count == 0 && gateway.DefaultFlow is not null) flows.Add(gateway.DefaultFlow);
        if (flows.Count == 0 && gateway.Outgoing.Count > 0)
            throw new ProcessEngineException(
                $"No outgoing sequence flow of inclusive gateway '{gateway.Id}' has a true condition and there is no default flow.");
        await CompleteNodeAsync(state, execution, gateway);
        await ForkAsync(state, execution, gateway, flows);
    }

    /// <summary>Whether a flow may be taken; a condition that cannot be evaluated fails naming the flow and the node it leaves.</summary>
    private bool ConditionHolds(SequenceFlow flow, IReadOnlyDictionary<string, object?> variables)
    {
        if (flow.Condition is null) return true;
        try
        {
            return Rt.Expressions.EvaluateCondition(flow.Condition, variables);
        }
        catch (Exception e) when (e is not ProcessEngineException)
        {
            throw new ProcessEngineException($"Condition of sequence flow '{flow.Id}' leaving {flow.Source}: {e.Message}", e);
        }
    }

    private async Task ForkAsync(InstanceState state, ExecutionEntity execution, Gateway gateway, IReadOnlyList<SequenceFlow> flows)
    {
        if (flows.Count == 0) await EndTokenAsync(state, execution);
        else await TakeFlowsAsync(state, execution, flows);
    }

    /// <summary>Parks the token at a join; true (with the arrived tokens merged into this one) when the join may fire.
    /// Parallel: one token per incoming flow. Inclusive: no other token of the scope can still reach the gateway.</summary>
    private bool Join(InstanceState state, ExecutionEntity execution, Gateway gateway)
    {
        if (gateway.Incoming.Count <= 1) return true;
        execution.IsJoined = true;
        var arrived = state.Executions
            .Where(e => e.ParentId == execution.ParentId && e.IsJoined && e.ActivityId == gateway.Id)
            .ToList();
        var ready = gateway is ParallelGateway
            ? arrived.Count >= gateway.Incoming.Count
            : !state.Executions.Any(e => e.ParentId == execution.ParentId && !arrived.Contains(e) && CanReach(state.Model, e, gateway));
        if (!ready) return false;
        var merged = gateway is ParallelGateway ? arrived.Where(e => e != execution).Take(gateway.Incoming.Count - 1) : arrived.Where(e => e != execution);
        foreach (var other in merged.ToList()) RemoveExecution(state, other);
        execution.IsJoined = false;
        return true;
    }

    private bool CanReach(ProcessModel model, ExecutionEntity execution, Gateway gateway) =>
        model.NodesById.TryGetValue(execution.ActivityId, out var from) && Rt.Reachability.CanReach(model, from, gateway);

    /// <summary>After a step, an inclusive join may have become ready because a token that could reach it ended or went elsewhere.</summary>
    private async Task<bool> ResumeInclusiveJoinsAsync()
    {
        foreach (var state in ctx.LoadedInstances.Where(s => s.IsActive).ToList())
        {
            var waiting = state.Executions
                .Where(e => e.IsJoined && state.Model.NodesById.GetValueOrDefault(e.ActivityId) is InclusiveGateway)
                .ToList();
            foreach (var execution in waiting)
            {
                if (!state.Contains(execution) || !execution.IsJoined) continue;
                var gateway = (InclusiveGateway)state.Model.Node(execution.ActivityId);
                if (!Join(state, execution, gateway)) continue;
                await ForkInclusiveAsync(state, execution, gateway);
                return true;
            }
        }
        return false;
    }
}
