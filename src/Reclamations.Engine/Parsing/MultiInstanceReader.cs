using System.Xml.Linq;
using Reclamations.Engine.Model;

namespace Reclamations.Engine.Parsing;

/// <summary>Reads <c>bpmn:multiInstanceLoopCharacteristics</c> with Camunda's collection attributes.</summary>
internal static class MultiInstanceReader
{
    private static readonly HashSet<string> KnownChildren =
        new(StringComparer.Ordinal) { "loopCardinality", "completionCondition", "documentation", "extensionElements" };

    /// <summary>Null when the activity has no multi-instance characteristics or they are invalid (errors recorded).</summary>
    public static MultiInstanceDefinition? Read(XElement activity, NodeBasics node, ParseContext context)
    {
        var xml = activity.BpmnChild("multiInstanceLoopCharacteristics");
        if (xml is null)
        {
            return null;
        }

        var valid = true;
        foreach (var child in xml.Elements())
        {
            if (child.Name.Namespace != BpmnNames.Bpmn || !KnownChildren.Contains(child.Name.LocalName))
            {
                context.Error(node.Id, $"Element '{node.Id}' of type {node.Type}: {child.TypeName()} in "
                    + "multiInstanceLoopCharacteristics is not supported");
                valid = false;
            }
        }

        var collection = xml.CamundaAttr("collection");
        var loopCardinality = xml.BpmnChild("loopCardinality").Text();
        if (collection is null && loopCardinality is null)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type {node.Type}: multi-instance needs camunda:collection or loopCardinality");
            valid = false;
        }

        return valid
            ? new MultiInstanceDefinition(
                xml.BoolAttr("isSequential"),
                collection,
                xml.CamundaAttr("elementVariable"),
                loopCardinality,
                xml.BpmnChild("completionCondition").Text())
            : null;
    }
}
