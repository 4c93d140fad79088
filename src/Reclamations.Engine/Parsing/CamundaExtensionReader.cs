using System.Xml.Linq;
using Reclamations.Engine.Model;

namespace Reclamations.Engine.Parsing;

/// <summary>Reads the Camunda 7 elements inside <c>bpmn:extensionElements</c>. Unknown extension elements
/// (e.g. <c>camunda:properties</c> of most elements; the process's <c>readerGroups</c>: <see cref="ReaderGroupsReader"/>; a
/// user task's: <see cref="ReadProperties"/>) are ignored.</summary>
internal static class CamundaExtensionReader
{
    public static readonly string[] ExecutionEvents = ["start", "end"];
    public static readonly string[] FlowEvents = ["take"];
    private static readonly string[] TaskEvents = ["create", "assignment", "complete", "delete", "update"];

    /// <summary><c>camunda:executionListener</c> elements; <paramref name="events"/> lists the allowed events.</summary>
    public static void ReadExecutionListeners(
        XElement owner, string ownerId, IReadOnlyCollection<string> events, List<ListenerDefinition> target, ParseContext context) =>
        ReadListeners(owner, "executionListener", ownerId, events, target, context);

    /// <summary><c>camunda:taskListener</c> elements of a user task.</summary>
    public static void ReadTaskListeners(XElement owner, string ownerId, List<ListenerDefinition> target, ParseContext context) =>
        ReadListeners(owner, "taskListener", ownerId, TaskEvents, target, context);

    /// <summary><c>camunda:properties</c> of an element (<c>&lt;camunda:property name="…" value="…"/&gt;</c>, as bpmn-js writes
    /// its "Extension properties"): each needs a name and a value, given once.</summary>
    public static void ReadProperties(XElement owner, string ownerId, Dictionary<string, string> target, ParseContext context)
    {
        foreach (var property in owner.CamundaExtensions("properties").Elements(BpmnNames.Camunda + "property"))
        {
            if (property.Attr("name") is not { } name || property.Attr("value") is not { } value)
                context.Error(ownerId, $"Element '{ownerId}': a camunda:property needs a name and a value");
            else if (!target.TryAdd(name, value))
                context.Error(ownerId, $"Element '{ownerId}': camunda:property '{name}' is given more than once");
        }
    }

    /// <summary><c>camunda:failedJobRetryTimeCycle</c> text, e.g. <c>R5/PT5M</c>.</summary>
    public static string? ReadRetryCycle(XElement owner) => owner.CamundaExtensions("failedJobRetryTimeCycle").FirstOrDefault().Text();

    /// <summary><c>camunda:inputOutput</c>: the text of each parameter is its value.</summary>
    public static void ReadInputOutput(
        XElement owner, string ownerId, List<IoParameter> inputs, List<IoParameter> outputs, ParseContext context)
    {
        foreach (var inputOutput in owner.CamundaExtensions("inputOutput"))
        {
            foreach (var parameter in inputOutput.Elements())
            {
                var kind = parameter.Name.LocalName;
                var target = kind switch
                {
                    "inputParameter" when parameter.Name.Namespace == BpmnNames.Camunda => inputs,
                    "outputParameter" when parameter.Name.Namespace == BpmnNames.Camunda => outputs,
                    _ => null,
                };
                if (target is null)
                {
                    context.Error(ownerId, $"Element '{ownerId}': {parameter.TypeName()} in camunda:inputOutput is not supported");
                    continue;
                }

                if (ReadParameter(parameter, ownerId, context) is { } read)
                {
                    target.Add(read);
                }
            }
        }
    }

    /// <summary>Reports <c>camunda:inputOutput</c> on an element that cannot carry it (events, gateways).</summary>
    public static void RefuseInputOutput(XElement owner, string ownerId, string ownerType, ParseContext context)
    {
        if (owner.CamundaExtensions("inputOutput").Any())
        {
            context.Error(ownerId, $"Element '{ownerId}' of type {ownerType}: camunda:inputOutput is only supported on activities");
        }
    }

    /// <summary><c>camunda:in</c>/<c>camunda:out</c> of a call activity, and the business key of
    /// <c>&lt;camunda:in businessKey="..."/&gt;</c> when there is one.</summary>
    public static CallMappings ReadVariableMappings(XElement owner, string ownerId, ParseContext context)
    {
        var mappings = new CallMappings();
        foreach (var mapping in owner.CamundaExtensions("in"))
        {
            if (mapping.Attr("businessKey") is { } key)
            {
                mappings.BusinessKey = key;
            }
            else if (ReadMapping(mapping, ownerId, "camunda:in", context) is { } read)
            {
                mappings.In.Add(read);
            }
        }

        foreach (var mapping in owner.CamundaExtensions("out"))
        {
            if (ReadMapping(mapping, ownerId, "camunda:out", context) is { } read)
            {
                mappings.Out.Add(read);
            }
        }

        return mappings;
    }

    private static IoParameter? ReadParameter(XElement parameter, string ownerId, ParseContext context)
    {
        var name = parameter.Attr("name");
        if (name is null)
        {
            context.Error(ownerId, $"Element '{ownerId}': camunda:{parameter.Name.LocalName} has no name");
            return null;
        }

        if (parameter.Elements().FirstOrDefault() is { } nested)
        {
            context.Error(ownerId, $"Element '{ownerId}': parameter '{name}' uses {nested.TypeName()}, which is not supported");
            return null;
        }

        return new IoParameter(name, parameter.Text());
    }

    private static VariableMapping? ReadMapping(XElement mapping, string ownerId, string kind, ParseContext context)
    {
        var local = mapping.BoolAttr("local");
        if (mapping.Attr("variables") is { } variables)
        {
            if (variables != "all")
            {
                context.Error(ownerId, $"Element '{ownerId}': {kind} variables=\"{variables}\" is not supported (only \"all\")");
                return null;
            }

            return new VariableMapping(null, null, null, All: true, local);
        }

        var source = mapping.Attr("source");
        var sourceExpression = mapping.Attr("sourceExpression");
        var target = mapping.Attr("target");
        if ((source is null) == (sourceExpression is null) || target is null)
        {
            context.Error(ownerId, $"Element '{ownerId}': {kind} needs one of source or sourceExpression, and a target");
            return null;
        }

        return new VariableMapping(source, sourceExpression, target, All: false, local);
    }

    private static void ReadListeners(
        XElement owner, string kind, string ownerId, IReadOnlyCollection<string> events, List<ListenerDefinition> target, ParseContext context)
    {
        foreach (var listener in owner.CamundaExtensions(kind))
        {
            var eventName = listener.Attr("event") ?? (events.Count == 1 ? events.First() : null);
            if (eventName is null || !events.Contains(eventName))
            {
                context.Error(ownerId, $"Element '{ownerId}': camunda:{kind} event '{eventName}' is not supported "
                    + $"(expected {string.Join(", ", events)})");
                continue;
            }

            if (listener.Elements().FirstOrDefault() is { } nested)
            {
                context.Error(ownerId, $"Element '{ownerId}': camunda:{kind} with {nested.TypeName()} is not supported");
                continue;
            }

            var handler = HandlerNames.FromListener(listener, out var count);
            if (handler is null)
            {
                context.Error(ownerId, count == 0
                    ? $"Element '{ownerId}': camunda:{kind} '{eventName}' needs class, delegateExpression or expression"
                    : $"Element '{ownerId}': camunda:{kind} '{eventName}' has more than one implementation");
                continue;
            }

            target.Add(new ListenerDefinition(eventName, handler));
        }
    }
}

/// <summary>The <c>camunda:in</c>/<c>camunda:out</c> mappings of a call activity.</summary>
internal sealed class CallMappings
{
    public List<VariableMapping> In { get; } = [];
    public List<VariableMapping> Out { get; } = [];
    public string? BusinessKey { get; set; }
}
