using System.Text.Json;

namespace Reclamations.Web.Engine;

public sealed record StartProcessRequest(string? BusinessKey, Dictionary<string, JsonElement>? Variables, string? UserId);

public sealed record StartProcessResponse(Guid Id, string State);

public sealed record ClaimTaskRequest(string? UserId);

public sealed record CompleteTaskRequest(Dictionary<string, JsonElement>? Variables, string? UserId);

/// <summary><c>all</c>: deliver to every match (default: exactly one); <c>correlationKeys</c>: instance variables the receiver
/// must have; <c>timeToLive</c> (ISO 8601 duration, e.g. PT1H): buffer the message when nothing waits for it yet.</summary>
public sealed record CorrelateMessageRequest(string? MessageName, string? BusinessKey, Guid? ProcessInstanceId,
    Dictionary<string, JsonElement>? Variables, Dictionary<string, JsonElement>? CorrelationKeys = null, bool? All = null,
    string? TimeToLive = null);

public sealed record CorrelateMessageResponse(int Correlated, IReadOnlyList<Guid>? ProcessInstanceIds = null);

public sealed record BufferedMessageResponse(bool Buffered, Guid Id, DateTimeOffset ExpiresAt);

public sealed record DeploymentResponse(IReadOnlyList<DeployedDefinitionResponse> ProcessDefinitions);

public sealed record DeployedDefinitionResponse(string Id, string Key, int Version, string? Name);

public sealed record ClockResponse(DateTimeOffset Now);

public sealed record AdvanceClockRequest(string? Duration);

public sealed record AdvanceClockResponse(DateTimeOffset Now, int JobsExecuted);
