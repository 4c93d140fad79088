using System.Xml.Linq;
using Reclamations.Engine.Model;

namespace Reclamations.Engine.Parsing;

/// <summary>Turns one flow-node element of a scope (other than a boundary event) into its model node.</summary>
internal sealed class FlowNodeReader(ParseContext context)
{
    private static readonly HashSet<string> DescriptiveChildren = new(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "incoming", "outgoing",
        "property", "dataInputAssociation", "dataOutputAssociation",
    };

    private readonly ActivityReader activities = new(context);
    private readonly EventReader events = new(context);

    public EventReader Events => events;

    /// <summary>The model node, or null when the element is refused (errors recorded).</summary>
    public FlowNode? Read(XElement element, NodeBasics node, ScopeModel scope)
    {
        FlowNode? read = node.Type switch
        {
            "startEvent" => events.ReadStart(element, node, scope),
            "endEvent" => events.ReadEnd(element, node),
            "intermediateCatchEvent" => events.ReadCatch(element, node),
            "intermediateThrowEvent" => events.ReadThrow(element, node),
            "task" or "manualTask" or "userTask" or "serviceTask" or "sendTask" or "receiveTask" or "callActivity"
                or "subProcess" => activities.Read(element, node),
            "exclusiveGateway" or "parallelGateway" or "inclusiveGateway" or "eventBasedGateway" => ReadGateway(element, node),
            _ => Refuse(node),
        };
        if (read is null)
        {
            return null;
        }

        CheckChildren(element, node, read);
        CamundaExtensionReader.ReadExecutionListeners(
            element, node.Id, CamundaExtensionReader.ExecutionEvents, read.ExecutionListeners, context);
        if (read is not Activity)
        {
            CamundaExtensionReader.RefuseInputOutput(element, node.Id, node.Type, context);
        }

        return read;
    }

    private Gateway? ReadGateway(XElement element, NodeBasics node)
    {
        if (node.Type == "eventBasedGateway" && (element.BoolAttr("instantiate") || element.Attr("eventGatewayType") is "Parallel"))
        {
            context.Unsupported(node.Id, node.Type, "that instantiates the process");
            return null;
        }

        return node.Type switch
        {
            "exclusiveGateway" => new ExclusiveGateway
            {
                Id = node.Id, Name = node.Name, AsyncBefore = node.AsyncBefore, AsyncAfter = node.AsyncAfter,
                FailedJobRetryTimeCycle = node.RetryCycle,
            },
            "parallelGateway" => new ParallelGateway
            {
                Id = node.Id, Name = node.Name, AsyncBefore = node.AsyncBefore, AsyncAfter = node.AsyncAfter,
                FailedJobRetryTimeCycle = node.RetryCycle,
            },
            "inclusiveGateway" => new InclusiveGateway
            {
                Id = node.Id, Name = node.Name, AsyncBefore = node.AsyncBefore, AsyncAfter = node.AsyncAfter,
                FailedJobRetryTimeCycle = node.RetryCycle,
            },
            _ => new EventBasedGateway
            {
                Id = node.Id, Name = node.Name, AsyncBefore = node.AsyncBefore, AsyncAfter = node.AsyncAfter,
                FailedJobRetryTimeCycle = node.RetryCycle,
            },
        };
    }

    private FlowNode? Refuse(NodeBasics node)
    {
        context.Unsupported(node.Id, node.Type);
        return null;
    }

    /// <summary>Refuses child elements the node's kind does not know (a subprocess's content is read by its scope).</summary>
    private void CheckChildren(XElement element, NodeBasics node, FlowNode read)
    {
        if (read is SubProcess)
        {
            return;
        }

        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            var known = child.Name.Namespace == BpmnNames.Bpmn && (DescriptiveChildren.Contains(name)
                || (read is EventNode && name.EndsWith("EventDefinition", StringComparison.Ordinal))
                || (read is Activity && name == "multiInstanceLoopCharacteristics"));
            if (!known)
            {
                context.Error(node.Id, $"Element '{node.Id}' of type {node.Type} contains {child.TypeName()}, which is not supported");
            }
        }
    }
}
