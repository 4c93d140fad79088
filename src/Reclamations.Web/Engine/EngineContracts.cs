using System.Text.Json;

namespace Reclamations.Web.Engine;

// No request names its actor: the acting user is the request's (HttpContext.GetActor).
public sealed record StartProcessRequest(string? BusinessKey, Dictionary<string, JsonElement>? Variables);

public sealed record StartProcessResponse(Guid Id, string State);

public sealed record CompleteTaskRequest(Dictionary<string, JsonElement>? Variables);

/// <summary>The new assignee (null or empty: unassigned).</summary>
public sealed record SetAssigneeRequest(string? Assignee);

/// <summary>The user the task is delegated to.</summary>
public sealed record DelegateTaskRequest(string? Delegate);

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

/// <summary>The new due date of a job: ISO 8601, with an offset or in the engine's time zone.</summary>
public sealed record SetJobDueDateRequest(string? DueDate);
