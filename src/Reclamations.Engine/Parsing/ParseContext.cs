using System.Xml.Linq;

namespace Reclamations.Engine.Parsing;

/// <summary>The errors found while reading one file, and its top-level definitions that events refer to
/// (<c>bpmn:message</c>, <c>bpmn:error</c>, <c>bpmn:escalation</c>).</summary>
internal sealed class ParseContext
{
    private readonly List<BpmnValidationError> errors = [];
    private readonly Dictionary<string, XElement> messages;
    private readonly Dictionary<string, XElement> errorDefinitions;
    private readonly Dictionary<string, XElement> escalations;

    /// <summary>Nodes that lost a sequence flow because the element at its other end was refused;
    /// the structure checks do not blame them for missing flows.</summary>
    private readonly HashSet<string> partialNodes = new(StringComparer.Ordinal);

    /// <summary>Scopes where a start event was refused; their start events are not counted.</summary>
    private readonly HashSet<string> scopesWithRefusedStart = new(StringComparer.Ordinal);

    public ParseContext(XElement definitions)
    {
        messages = IndexTopLevel(definitions, "message");
        errorDefinitions = IndexTopLevel(definitions, "error");
        escalations = IndexTopLevel(definitions, "escalation");
    }

    public IReadOnlyList<BpmnValidationError> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    public void Error(string? elementId, string message) => errors.Add(new BpmnValidationError(elementId, message));

    public void Unsupported(string? elementId, string type, string? detail = null) =>
        Error(elementId, $"Element {(elementId is null ? "" : $"'{elementId}' ")}of type {type}{(detail is null ? "" : " " + detail)} is not supported");

    public void MarkPartial(string nodeId) => partialNodes.Add(nodeId);

    public void MarkRefusedStart(string scopeId) => scopesWithRefusedStart.Add(scopeId);

    public bool HasRefusedStart(string scopeId) => scopesWithRefusedStart.Contains(scopeId);

    public bool IsPartial(string nodeId) => partialNodes.Contains(nodeId);

    /// <summary>The message's <c>name</c>, else its id; null (error recorded) when the ref does not resolve.</summary>
    public string? ResolveMessageName(string ownerId, string messageRef)
    {
        if (!messages.TryGetValue(messageRef, out var message))
        {
            Error(ownerId, $"Element '{ownerId}' refers to message '{messageRef}', which is not defined");
            return null;
        }

        return message.Attr("name") ?? messageRef;
    }

    /// <summary>Resolves an <c>errorRef</c>; false (error recorded) when it does not resolve.</summary>
    public bool TryResolveErrorCode(string ownerId, string errorRef, out string? errorCode) =>
        TryResolveCode(errorDefinitions, "error", "errorCode", ownerId, errorRef, out errorCode);

    /// <summary>Resolves an <c>escalationRef</c>; false (error recorded) when it does not resolve.</summary>
    public bool TryResolveEscalationCode(string ownerId, string escalationRef, out string? escalationCode) =>
        TryResolveCode(escalations, "escalation", "escalationCode", ownerId, escalationRef, out escalationCode);

    private bool TryResolveCode(
        Dictionary<string, XElement> index, string kind, string codeAttribute, string ownerId, string reference, out string? code)
    {
        if (!index.TryGetValue(reference, out var definition))
        {
            Error(ownerId, $"Element '{ownerId}' refers to {kind} '{reference}', which is not defined");
            code = null;
            return false;
        }

        code = definition.Attr(codeAttribute);
        return true;
    }

    private static Dictionary<string, XElement> IndexTopLevel(XElement definitions, string localName)
    {
        var index = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in definitions.Elements(BpmnNames.Bpmn + localName))
        {
            if (element.Attr("id") is { } id)
            {
                index.TryAdd(id, element);
            }
        }

        return index;
    }
}
