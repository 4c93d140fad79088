using System.Xml.Linq;
using Reclamations.Engine.Model;

namespace Reclamations.Engine.Parsing;

/// <summary>Whether an event waits for its trigger or produces it.</summary>
internal enum EventRole { Catch, Throw }

/// <summary>Reads the single <c>*EventDefinition</c> of an event (or none).</summary>
internal sealed class EventDefinitionReader(ParseContext context)
{
    private const string Suffix = "EventDefinition";

    /// <summary>False when the definition was refused (errors recorded). <paramref name="definition"/> is null
    /// for a none event; the caller decides whether that is allowed.</summary>
    public bool TryRead(
        XElement element, NodeBasics node, IReadOnlyCollection<string> allowedKinds, EventRole role,
        out EventDefinition? definition, string? where = null)
    {
        definition = null;
        var definitions = element.Elements()
            .Where(c => c.Name.Namespace == BpmnNames.Bpmn
                && (c.Name.LocalName.EndsWith(Suffix, StringComparison.Ordinal) || c.Name.LocalName == "eventDefinitionRef"))
            .ToList();
        if (definitions.Count == 0)
        {
            return true;
        }

        if (definitions.Count > 1)
        {
            context.Unsupported(node.Id, node.Type, "with more than one event definition");
            return false;
        }

        var xml = definitions[0];
        var kind = xml.Name.LocalName.EndsWith(Suffix, StringComparison.Ordinal) ? xml.Name.LocalName[..^Suffix.Length] : "";
        if (!allowedKinds.Contains(kind))
        {
            context.Unsupported(node.Id, node.Type, $"with {xml.Name.LocalName}{(where is null ? "" : " " + where)}");
            return false;
        }

        definition = kind switch
        {
            "timer" => ReadTimer(xml, node),
            "message" => ReadMessage(xml, node, role),
            "error" => ReadError(xml, node, role),
            "escalation" => ReadEscalation(xml, node, role),
            "terminate" => new TerminateEventDefinition(),
            _ => null,
        };
        return definition is not null;
    }

    private TimerEventDefinition? ReadTimer(XElement xml, NodeBasics node)
    {
        var values = new List<TimerEventDefinition>();
        foreach (var (name, kind) in new[] { ("timeDate", TimerKind.Date), ("timeDuration", TimerKind.Duration), ("timeCycle", TimerKind.Cycle) })
        {
            if (xml.BpmnChild(name).Text() is { } text)
            {
                values.Add(new TimerEventDefinition(kind, text));
            }
        }

        if (values.Count != 1)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type {node.Type}: a timer needs exactly one of timeDate, "
                + $"timeDuration or timeCycle with a value (found {values.Count})");
            return null;
        }

        return values[0];
    }

    private MessageEventDefinition? ReadMessage(XElement xml, NodeBasics node, EventRole role)
    {
        var messageRef = xml.RefAttr("messageRef");
        string? messageName = null;
        if (messageRef is not null)
        {
            messageName = context.ResolveMessageName(node.Id, messageRef);
            if (messageName is null)
            {
                return null;
            }
        }

        if (role == EventRole.Catch)
        {
            if (messageName is null)
            {
                context.Error(node.Id, $"Element '{node.Id}' of type {node.Type} waits for a message but has no messageRef");
                return null;
            }

            return new MessageEventDefinition(messageName);
        }

        var topic = HandlerNames.FromImplementation(xml, node.Id, node.Type, context);
        return topic is null ? null : new MessageEventDefinition(messageName ?? topic, topic);
    }

    private ErrorEventDefinition? ReadError(XElement xml, NodeBasics node, EventRole role)
    {
        var errorRef = xml.RefAttr("errorRef");
        if (errorRef is null)
        {
            if (role == EventRole.Catch)
            {
                return new ErrorEventDefinition(null);
            }

            context.Error(node.Id, $"Element '{node.Id}' of type {node.Type} throws an error but has no errorRef");
            return null;
        }

        if (!context.TryResolveErrorCode(node.Id, errorRef, out var code))
        {
            return null;
        }

        if (code is null && role == EventRole.Throw)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type {node.Type} throws error '{errorRef}', which has no errorCode");
            return null;
        }

        return new ErrorEventDefinition(code);
    }

    private EscalationEventDefinition? ReadEscalation(XElement xml, NodeBasics node, EventRole role)
    {
        var escalationRef = xml.RefAttr("escalationRef");
        if (escalationRef is null)
        {
            if (role == EventRole.Catch)
            {
                return new EscalationEventDefinition(null);
            }

            context.Error(node.Id, $"Element '{node.Id}' of type {node.Type} throws an escalation but has no escalationRef");
            return null;
        }

        if (!context.TryResolveEscalationCode(node.Id, escalationRef, out var code))
        {
            return null;
        }

        if (code is null && role == EventRole.Throw)
        {
            context.Error(node.Id,
                $"Element '{node.Id}' of type {node.Type} throws escalation '{escalationRef}', which has no escalationCode");
            return null;
        }

        return new EscalationEventDefinition(code);
    }
}
