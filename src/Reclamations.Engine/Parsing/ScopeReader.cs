using System.Xml.Linq;
using Reclamations.Engine.Model;

namespace Reclamations.Engine.Parsing;

/// <summary>Reads the content of a process or subprocess: its flow nodes (recursively), boundary events
/// and sequence flows, and wires the graph.</summary>
internal sealed class ScopeReader(ParseContext context, IReadOnlySet<string> processIds)
{
    /// <summary>Children of a scope element that carry no executable meaning, or that describe the
    /// subprocess itself rather than its content.</summary>
    private static readonly HashSet<string> SkippedChildren = new(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "textAnnotation", "association", "laneSet", "dataObject",
        "dataObjectReference", "dataStoreReference", "group", "category",
        "incoming", "outgoing", "multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
        "property", "dataInputAssociation", "dataOutputAssociation",
    };

    private static readonly HashSet<string> FlowNodeTypes = new(StringComparer.Ordinal)
    {
        "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
        "task", "manualTask", "userTask", "serviceTask", "sendTask", "receiveTask", "callActivity", "subProcess",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
    };

    private readonly FlowNodeReader nodeReader = new(context);

    public void Read(XElement scopeElement, ScopeModel scope)
    {
        var state = new ScopeState(scope);
        var boundaries = new List<XElement>();
        var flows = new List<XElement>();
        foreach (var child in scopeElement.Elements())
        {
            var type = child.Name.LocalName;
            var isBpmn = child.Name.Namespace == BpmnNames.Bpmn;
            if (isBpmn && SkippedChildren.Contains(type))
            {
                continue;
            }

            var id = child.Attr("id");
            if (!isBpmn)
            {
                context.Unsupported(id, child.TypeName());
                continue;
            }

            if (id is null)
            {
                if (FlowNodeTypes.Contains(type) || type == "sequenceFlow")
                {
                    context.Error(null, $"An element of type {type} in '{scope.Id}' has no id");
                }
                else
                {
                    context.Unsupported(null, type);
                }

                continue;
            }

            if (type == "sequenceFlow")
            {
                flows.Add(child);
            }
            else if (type == "boundaryEvent")
            {
                boundaries.Add(child);
            }
            else if (nodeReader.Read(child, NodeBasics.Read(child, id), scope) is { } node)
            {
                state.Place(child, node);
                if (node is SubProcess subProcess)
                {
                    Read(child, subProcess);
                }
            }
            else
            {
                state.Refused.Add(id);
                if (type == "startEvent")
                {
                    context.MarkRefusedStart(scope.Id);
                }
            }
        }

        foreach (var boundary in boundaries)
        {
            ReadBoundary(boundary, state);
        }

        foreach (var flow in flows)
        {
            ReadFlow(flow, state);
        }

        ApplyDefaultFlows(state);
    }

    private void ReadBoundary(XElement element, ScopeState state)
    {
        var node = NodeBasics.Read(element, element.Attr("id")!);
        var attachedTo = ResolveAttachment(element, node, state);
        if (nodeReader.Events.ReadBoundary(element, node, attachedTo) is { } boundary)
        {
            CamundaExtensionReader.ReadExecutionListeners(
                element, node.Id, CamundaExtensionReader.ExecutionEvents, boundary.ExecutionListeners, context);
            CamundaExtensionReader.RefuseInputOutput(element, node.Id, node.Type, context);
            state.Place(element, boundary);
        }
        else
        {
            state.Refused.Add(node.Id);
        }
    }

    private Activity? ResolveAttachment(XElement element, NodeBasics node, ScopeState state)
    {
        var attachedToRef = element.Attr("attachedToRef");
        if (attachedToRef is null)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type boundaryEvent has no attachedToRef");
            return null;
        }

        if (!state.Nodes.TryGetValue(attachedToRef, out var target))
        {
            if (!state.Refused.Contains(attachedToRef))
            {
                context.Error(node.Id, processIds.Contains(attachedToRef)
                    ? $"Element '{node.Id}' of type boundaryEvent is attached to '{attachedToRef}' in another scope"
                    : $"Element '{node.Id}' of type boundaryEvent is attached to '{attachedToRef}', which does not exist");
            }

            return null;
        }

        if (target is not Activity activity || target is SubProcess { TriggeredByEvent: true })
        {
            context.Error(node.Id, $"Element '{node.Id}' of type boundaryEvent is attached to {target.ElementType} "
                + $"'{attachedToRef}'; it can only be attached to an activity");
            return null;
        }

        return activity;
    }

    private void ReadFlow(XElement element, ScopeState state)
    {
        var id = element.Attr("id")!;
        var source = ResolveFlowEnd(id, "sourceRef", element.Attr("sourceRef"), state);
        var target = ResolveFlowEnd(id, "targetRef", element.Attr("targetRef"), state);
        var condition = SequenceFlowReader.ReadCondition(element, id, context, out var conditionValid);
        if (source is null || target is null || !conditionValid)
        {
            state.SkippedFlows.Add(id);
            MarkPartial(source, target);
            return;
        }

        var flow = new SequenceFlow
        {
            Id = id,
            Name = element.Attr("name"),
            Source = source,
            Target = target,
            Condition = condition,
        };
        CamundaExtensionReader.ReadExecutionListeners(element, id, CamundaExtensionReader.FlowEvents, flow.TakeListeners, context);
        source.Outgoing.Add(flow);
        target.Incoming.Add(flow);
        state.Scope.SequenceFlows.Add(flow);
    }

    private void MarkPartial(params FlowNode?[] nodes)
    {
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                context.MarkPartial(node.Id);
            }
        }
    }

    private FlowNode? ResolveFlowEnd(string flowId, string attribute, string? reference, ScopeState state)
    {
        if (reference is null)
        {
            context.Error(flowId, $"Element '{flowId}' of type sequenceFlow has no {attribute}");
            return null;
        }

        if (state.Nodes.TryGetValue(reference, out var node))
        {
            return node;
        }

        if (!state.Refused.Contains(reference))
        {
            context.Error(flowId, processIds.Contains(reference)
                ? $"Element '{flowId}' of type sequenceFlow crosses a scope boundary: {attribute} '{reference}' is not in '{state.Scope.Id}'"
                : $"Element '{flowId}' of type sequenceFlow has {attribute} '{reference}', which does not exist");
        }

        return null;
    }

    private void ApplyDefaultFlows(ScopeState state)
    {
        foreach (var (element, node) in state.Placed)
        {
            var defaultRef = element.Attr("default");
            if (defaultRef is null)
            {
                continue;
            }

            var flow = node.Outgoing.FirstOrDefault(f => f.Id == defaultRef);
            switch (flow, node)
            {
                case (null, _) when state.SkippedFlows.Contains(defaultRef):
                    break;
                case (null, _):
                    context.Error(node.Id, $"Element '{node.Id}' of type {node.ElementType} has default flow '{defaultRef}', "
                        + "which is not one of its outgoing sequence flows");
                    break;
                case (_, Activity activity):
                    activity.DefaultFlow = flow;
                    break;
                case (_, ExclusiveGateway or InclusiveGateway):
                    ((Gateway)node).DefaultFlow = flow;
                    break;
                default:
                    context.Error(node.Id, $"Element '{node.Id}' of type {node.ElementType} cannot have a default flow");
                    break;
            }
        }
    }

    /// <summary>What has been read of one scope so far.</summary>
    private sealed class ScopeState(ScopeModel scope)
    {
        public ScopeModel Scope { get; } = scope;
        public Dictionary<string, FlowNode> Nodes { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Refused { get; } = new(StringComparer.Ordinal);
        public HashSet<string> SkippedFlows { get; } = new(StringComparer.Ordinal);
        public List<(XElement Element, FlowNode Node)> Placed { get; } = [];

        public void Place(XElement element, FlowNode node)
        {
            node.Scope = Scope;
            Scope.FlowNodes.Add(node);
            Nodes.TryAdd(node.Id, node);
            Placed.Add((element, node));
        }
    }
}
