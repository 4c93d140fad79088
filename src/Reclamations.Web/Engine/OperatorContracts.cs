using System.Text.Json;

namespace Reclamations.Web.Engine;

public sealed record CancelProcessInstanceRequest(string? Reason);

public sealed record SuspensionRequest(string? Reason);

/// <summary><c>type</c> (optional): string, boolean, long, double, date, json, null; the value must then be of that type.</summary>
public sealed record SetVariableRequest(JsonElement Value, string? Type);

/// <summary>Camunda 7's modification body: instructions of type <c>cancel</c> (activityInstanceId or activityId),
/// <c>startBeforeActivity</c> / <c>startAfterActivity</c> (activityId, optional ancestorActivityInstanceId, variables).</summary>
public sealed record ModificationRequest(List<ModificationInstructionRequest>? Instructions, string? Annotation);

public sealed record ModificationInstructionRequest(string? Type, string? ActivityId, Guid? ActivityInstanceId,
    Guid? AncestorActivityInstanceId, Dictionary<string, JsonElement>? Variables);

public sealed record LegalHoldRequest(bool Hold, string? Reason);

public sealed record ResolveIncidentRequest(string? Note);
