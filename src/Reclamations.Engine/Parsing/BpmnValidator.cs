using Reclamations.Engine.Model;

namespace Reclamations.Engine.Parsing;

/// <summary>Structure rules checked on the built graph of a scope and, recursively, of its subprocesses.
/// Nodes that lost a flow to a refused element are not blamed for the missing flow.</summary>
internal static class BpmnValidator
{
    public static void Validate(ScopeModel scope, ParseContext context)
    {
        CheckStartEvents(scope, context);
        foreach (var node in scope.FlowNodes)
        {
            CheckFlows(node, context);
            switch (node)
            {
                case ExclusiveGateway or InclusiveGateway:
                    CheckConditionalGateway((Gateway)node, context);
                    break;
                case ParallelGateway gateway:
                    CheckParallelGateway(gateway, context);
                    break;
                case EventBasedGateway gateway:
                    CheckEventBasedGateway(gateway, context);
                    break;
                case SubProcess subProcess:
                    Validate(subProcess, context);
                    break;
            }
        }
    }

    private static void CheckStartEvents(ScopeModel scope, ParseContext context)
    {
        var starts = scope.StartEvents.ToList();
        if (scope is SubProcess { TriggeredByEvent: true })
        {
            if (starts.Count > 1 || (starts.Count == 0 && !context.HasRefusedStart(scope.Id)))
            {
                context.Error(scope.Id, $"Element '{scope.Id}' of type eventSubProcess needs exactly one start event (found {starts.Count})");
            }

            return;
        }

        var noneStarts = starts.Where(s => s.EventDefinition is null).ToList();
        // A process may be started by message or timer start events alone; a subprocess is always entered at its none start.
        if (noneStarts.Count == 0 && !(scope is ProcessModel && starts.Count > 0))
        {
            context.Error(scope.Id, $"Element '{scope.Id}' of type {scope.ElementType} has no none start event");
        }
        else if (noneStarts.Count > 1)
        {
            context.Error(scope.Id, $"Element '{scope.Id}' of type {scope.ElementType} has more than one none start event "
                + $"({string.Join(", ", noneStarts.Select(s => s.Id))})");
        }
    }

    private static void CheckFlows(FlowNode node, ParseContext context)
    {
        var partial = context.IsPartial(node.Id);
        switch (node)
        {
            case StartEvent when node.Incoming.Count > 0:
                Error(node, "has incoming sequence flows; a start event cannot be entered", context);
                break;
            case StartEvent:
                break;
            case BoundaryEvent:
                if (node.Incoming.Count > 0)
                {
                    Error(node, "has incoming sequence flows; a boundary event cannot be entered", context);
                }

                if (node.Outgoing.Count == 0 && !partial)
                {
                    Error(node, "has no outgoing sequence flow", context);
                }

                break;
            case SubProcess { TriggeredByEvent: true }:
                if (node.Incoming.Count > 0 || node.Outgoing.Count > 0)
                {
                    Error(node, "has sequence flows; an event subprocess is triggered by its start event only", context);
                }

                break;
            default:
                if (node.Incoming.Count == 0 && !partial)
                {
                    Error(node, "has no incoming sequence flow and can never be reached", context);
                }

                if (node is EndEvent && node.Outgoing.Count > 0)
                {
                    Error(node, "has outgoing sequence flows; an end event cannot be left", context);
                }

                if (node is Gateway && node.Outgoing.Count == 0 && !partial)
                {
                    Error(node, "has no outgoing sequence flow", context);
                }

                break;
        }
    }

    private static void CheckConditionalGateway(Gateway gateway, ParseContext context)
    {
        if (gateway.Outgoing.Count < 2)
        {
            return;
        }

        foreach (var flow in gateway.Outgoing.Where(f => f != gateway.DefaultFlow && f.Condition is null))
        {
            Error(gateway, $"has outgoing flow '{flow.Id}' without a condition that is not its default flow", context);
        }
    }

    private static void CheckParallelGateway(ParallelGateway gateway, ParseContext context)
    {
        foreach (var flow in gateway.Outgoing.Where(f => f.Condition is not null))
        {
            Error(gateway, $"has outgoing flow '{flow.Id}' with a condition; parallel gateways ignore conditions", context);
        }
    }

    private static void CheckEventBasedGateway(EventBasedGateway gateway, ParseContext context)
    {
        foreach (var flow in gateway.Outgoing)
        {
            var waits = flow.Target is ReceiveTask
                || flow.Target is IntermediateCatchEvent { EventDefinition: MessageEventDefinition or TimerEventDefinition };
            if (!waits)
            {
                Error(gateway, $"leads to {flow.Target.ElementType} '{flow.Target.Id}'; an event-based gateway must lead to "
                    + "message or timer intermediate catch events or receive tasks", context);
            }

            if (flow.Condition is not null)
            {
                Error(gateway, $"has outgoing flow '{flow.Id}' with a condition", context);
            }
        }
    }

    private static void Error(FlowNode node, string message, ParseContext context) =>
        context.Error(node.Id, $"Element '{node.Id}' of type {node.ElementType} {message}");
}
