using System.Xml.Linq;

namespace Reclamations.Engine.Parsing;

/// <summary>Reads the parts of a <c>bpmn:sequenceFlow</c> that do not depend on the graph.</summary>
internal static class SequenceFlowReader
{
    private static readonly HashSet<string> KnownChildren =
        new(StringComparer.Ordinal) { "conditionExpression", "documentation", "extensionElements" };

    private static readonly HashSet<string> ExpressionLanguages = new(StringComparer.OrdinalIgnoreCase) { "scriban", "juel" };

    /// <summary>The <c>${...}</c> condition, or null when unconditional; <paramref name="valid"/> is false when the
    /// condition (or another child) is refused (errors recorded).</summary>
    public static string? ReadCondition(XElement flow, string flowId, ParseContext context, out bool valid)
    {
        valid = true;
        foreach (var child in flow.Elements())
        {
            if (child.Name.Namespace != BpmnNames.Bpmn || !KnownChildren.Contains(child.Name.LocalName))
            {
                context.Error(flowId, $"Element '{flowId}' of type sequenceFlow contains {child.TypeName()}, which is not supported");
                valid = false;
            }
        }

        var expression = flow.BpmnChild("conditionExpression");
        if (expression is null)
        {
            return null;
        }

        if (expression.CamundaAttr("resource") is not null)
        {
            context.Error(flowId, $"Element '{flowId}' of type sequenceFlow: a condition from camunda:resource is not supported");
            valid = false;
            return null;
        }

        var language = expression.Attr("language");
        if (language is not null && !ExpressionLanguages.Contains(language))
        {
            context.Error(flowId, $"Element '{flowId}' of type sequenceFlow: condition language '{language}' is not supported "
                + "(use a ${...} expression)");
            valid = false;
            return null;
        }

        var text = expression.Text();
        if (text is null || !text.StartsWith("${", StringComparison.Ordinal) || !text.EndsWith('}'))
        {
            context.Error(flowId, $"Element '{flowId}' of type sequenceFlow: the condition must be a ${{...}} expression");
            valid = false;
            return null;
        }

        return text;
    }
}
