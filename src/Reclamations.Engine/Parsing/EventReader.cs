using System.Xml.Linq;
using Reclamations.Engine.Model;

namespace Reclamations.Engine.Parsing;

/// <summary>Reads start, end, intermediate and boundary events. Each method returns null when the event
/// is refused (errors recorded).</summary>
internal sealed class EventReader(ParseContext context)
{
    private static readonly string[] None = [];
    private static readonly string[] ProcessStartKinds = ["message", "timer"];
    private static readonly string[] EventSubProcessStartKinds = ["message", "timer", "error"];
    private static readonly string[] EndKinds = ["terminate", "error", "message"];
    private static readonly string[] CatchKinds = ["timer", "message"];
    private static readonly string[] ThrowKinds = ["message", "escalation"];
    private static readonly string[] BoundaryKinds = ["timer", "message", "error", "escalation"];

    private readonly EventDefinitionReader definitions = new(context);

    public StartEvent? ReadStart(XElement element, NodeBasics node, ScopeModel scope)
    {
        var inEventSubProcess = scope is SubProcess { TriggeredByEvent: true };
        var inEmbeddedSubProcess = scope is SubProcess { TriggeredByEvent: false };
        var (kinds, where) = inEventSubProcess ? (EventSubProcessStartKinds, "in an event subprocess")
            : inEmbeddedSubProcess ? (None, "in an embedded subprocess")
            : (ProcessStartKinds, (string?)null);
        if (!definitions.TryRead(element, node, kinds, EventRole.Catch, out var definition, where))
        {
            return null;
        }

        if (inEventSubProcess && definition is null)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type startEvent starts an event subprocess "
                + "and needs a message, timer or error event definition");
            return null;
        }

        var start = new StartEvent
        {
            Id = node.Id,
            Name = node.Name,
            AsyncBefore = node.AsyncBefore,
            AsyncAfter = node.AsyncAfter,
            FailedJobRetryTimeCycle = node.RetryCycle,
            EventDefinition = definition,
            IsInterrupting = !inEventSubProcess || element.BoolAttr("isInterrupting", defaultValue: true),
        };
        if (definition is ErrorEventDefinition && !start.IsInterrupting)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type startEvent: an error start event is always interrupting");
        }

        FormDataReader.Read(element, node.Id, start.FormFields, context);
        return start;
    }

    public EndEvent? ReadEnd(XElement element, NodeBasics node) =>
        definitions.TryRead(element, node, EndKinds, EventRole.Throw, out var definition)
            ? new EndEvent
            {
                Id = node.Id,
                Name = node.Name,
                AsyncBefore = node.AsyncBefore,
                AsyncAfter = node.AsyncAfter,
                FailedJobRetryTimeCycle = node.RetryCycle,
                EventDefinition = definition,
            }
            : null;

    public IntermediateCatchEvent? ReadCatch(XElement element, NodeBasics node)
    {
        if (!definitions.TryRead(element, node, CatchKinds, EventRole.Catch, out var definition))
        {
            return null;
        }

        if (definition is null)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type intermediateCatchEvent needs a message or timer event definition");
            return null;
        }

        return new IntermediateCatchEvent
        {
            Id = node.Id,
            Name = node.Name,
            AsyncBefore = node.AsyncBefore,
            AsyncAfter = node.AsyncAfter,
            FailedJobRetryTimeCycle = node.RetryCycle,
            EventDefinition = definition,
        };
    }

    public IntermediateThrowEvent? ReadThrow(XElement element, NodeBasics node) =>
        definitions.TryRead(element, node, ThrowKinds, EventRole.Throw, out var definition)
            ? new IntermediateThrowEvent
            {
                Id = node.Id,
                Name = node.Name,
                AsyncBefore = node.AsyncBefore,
                AsyncAfter = node.AsyncAfter,
                FailedJobRetryTimeCycle = node.RetryCycle,
                EventDefinition = definition,
            }
            : null;

    /// <summary>Reads the definition and flags of a boundary event; <paramref name="attachedTo"/> is null when
    /// the attachment could not be resolved (then only the definition is checked).</summary>
    public BoundaryEvent? ReadBoundary(XElement element, NodeBasics node, Activity? attachedTo)
    {
        if (!definitions.TryRead(element, node, BoundaryKinds, EventRole.Catch, out var definition))
        {
            return null;
        }

        if (definition is null)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type boundaryEvent needs a timer, message, error or escalation event definition");
            return null;
        }

        var cancelActivity = element.BoolAttr("cancelActivity", defaultValue: true);
        if (definition is ErrorEventDefinition && !cancelActivity)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type boundaryEvent: an error boundary event is always interrupting");
            return null;
        }

        if (attachedTo is null)
        {
            return null;
        }

        var boundary = new BoundaryEvent
        {
            Id = node.Id,
            Name = node.Name,
            AsyncBefore = node.AsyncBefore,
            AsyncAfter = node.AsyncAfter,
            FailedJobRetryTimeCycle = node.RetryCycle,
            EventDefinition = definition,
            AttachedTo = attachedTo,
            CancelActivity = cancelActivity,
        };
        attachedTo.BoundaryEvents.Add(boundary);
        return boundary;
    }
}
