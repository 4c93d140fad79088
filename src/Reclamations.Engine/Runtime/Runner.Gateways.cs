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
                // The first of the events after the gateway wins (TriggerAsync); the token waits at the gateway meanwhile.
                foreach (var target in gateway.Outgoing.Select(f => f.Target)) ArmWait(state, execution, target);
                break;
        }
    }

    private async Task ForkInclusiveAsync(InstanceState state, ExecutionEntity execution, Gateway gateway)
    {
        var flows = gateway.Outgoing.Count == 0 ? [] : SelectFlows(state, execution, gateway, gateway.DefaultFlow);
        await CompleteNodeAsync(state, execution, gateway);
        await ForkAsync(state, execution, gateway, flows);
    }

    /// <summary>The outgoing flows whose condition holds (the default flow excluded), else the default flow; none is an error
    /// naming the node.</summary>
    private List<SequenceFlow> SelectFlows(InstanceState state, ExecutionEntity execution, FlowNode node, SequenceFlow? defaultFlow)
    {
        var variables = state.VisibleVariables(execution);
        var flows = node.Outgoing.Where(f => f != defaultFlow && ConditionHolds(f, variables)).ToList();
        if (flows.Count == 0 && defaultFlow is not null) flows.Add(defaultFlow);
        if (flows.Count == 0)
            throw new ProcessEngineException(
                $"No outgoing sequence flow of {Words(node.ElementType)} '{node.Id}' has a true condition and there is no default flow.");
        return flows;
    }

    /// <summary>"inclusiveGateway" → "inclusive gateway", for messages.</summary>
    private static string Words(string elementType) =>
        string.Concat(elementType.Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Arms what a catch event or receive task waits for — a timer job or a message subscription — on the execution.</summary>
    private void ArmWait(InstanceState state, ExecutionEntity execution, FlowNode node)
    {
        switch (node)
        {
            case IntermediateCatchEvent { EventDefinition: TimerEventDefinition timer }:
                CreateTimerJob(state, execution, node.Id, timer);
                break;
            case IntermediateCatchEvent { EventDefinition: MessageEventDefinition message }:
                Subscribe(state, execution, node.Id, message.MessageName);
                break;
            case ReceiveTask receive:
                Subscribe(state, execution, node.Id, receive.MessageName);
                break;
        }
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
