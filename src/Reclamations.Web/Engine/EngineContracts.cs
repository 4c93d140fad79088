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

public sealed record CorrelateMessageRequest(string? MessageName, string? BusinessKey, Guid? ProcessInstanceId,
    Dictionary<string, JsonElement>? Variables);

public sealed record CorrelateMessageResponse(int Correlated);

public sealed record DeploymentResponse(IReadOnlyList<DeployedDefinitionResponse> ProcessDefinitions);

public sealed record DeployedDefinitionResponse(string Id, string Key, int Version, string? Name);

public sealed record ClockResponse(DateTimeOffset Now);

public sealed record AdvanceClockRequest(string? Duration);

public sealed record AdvanceClockResponse(DateTimeOffset Now, int JobsExecuted);

/// <summary>The new due date of a job: ISO 8601, with an offset or in the engine's time zone.</summary>
public sealed record SetJobDueDateRequest(string? DueDate);
