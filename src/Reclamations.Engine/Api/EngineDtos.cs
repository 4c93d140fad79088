namespace Reclamations.Engine.Api;

/// <summary>A BPMN file to deploy.</summary>
public sealed record BpmnResource(string Name, string Xml);

/// <param name="NotDeployed">Why a changed start-up file was not deployed (a later version came through the API); the other
/// fields then describe that later version.</param>
public sealed record DeployedDefinition(string Id, string Key, int Version, string? Name, bool IsNew, string? NotDeployed = null);

public sealed record ProcessDefinitionInfo(string Id, string Key, int Version, string? Name, string? ResourceName, DateTimeOffset DeployedAt,
    string? Source = null, string? DeployedBy = null, string? Comment = null);

public sealed record ProcessInstanceInfo(
    Guid Id,
    string DefinitionKey,
    int DefinitionVersion,
    string? BusinessKey,
    string State,
    IReadOnlyList<string> ActiveActivityIds,
    IReadOnlyDictionary<string, object?> Variables,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    Guid? SuperProcessInstanceId,
    bool Suspended = false,
    bool LegalHold = false);

public sealed record FormFieldValueInfo(string Id, string Name);

public sealed record FormFieldInfo(string Id, string? Label, string Type, bool Required, string? DefaultValue,
    IReadOnlyList<FormFieldValueInfo> Values, IReadOnlyDictionary<string, string?> Constraints,
    IReadOnlyDictionary<string, string>? Properties = null);

public sealed record TaskInfo(
    Guid Id,
    string? Name,
    string TaskDefinitionKey,
    Guid ProcessInstanceId,
    string ProcessDefinitionKey,
    string? BusinessKey,
    string? Assignee,
    IReadOnlyList<string> CandidateGroups,
    IReadOnlyList<string> CandidateUsers,
    DateTimeOffset? DueDate,
    DateTimeOffset? FollowUpDate,
    int Priority,
    string? FormKey,
    DateTimeOffset CreatedAt,
    IReadOnlyList<FormFieldInfo> FormFields,
    string? Owner = null,
    string? DelegationState = null,
    IReadOnlyDictionary<string, string>? Properties = null);

/// <summary>Filters for open tasks; all given filters apply. Ordered by due date (none last), then creation.
/// A candidate group/user query is a work queue: it leaves out tasks someone has claimed, unless
/// <see cref="IncludeAssigned"/> is set or an <see cref="Assignee"/> is asked for.</summary>
public sealed record TaskQuery(
    Guid? ProcessInstanceId = null,
    string? Assignee = null,
    string? CandidateGroup = null,
    string? CandidateUser = null,
    string? BusinessKey = null,
    int Skip = 0,
    int Take = 50,
    bool IncludeAssigned = false);

public sealed record HistoryEventInfo(long Id, DateTimeOffset Timestamp, string EventType, string? ActivityId, string? ActivityType,
    Guid? TaskId, string? UserId, string? VariableName, string? Value, string? Details);

public sealed record IncidentInfo(Guid Id, Guid? JobId, Guid? ProcessInstanceId, string ActivityId, string Message,
    DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt);

public sealed record JobInfo(Guid Id, string Kind, Guid? ProcessInstanceId, string ActivityId, DateTimeOffset DueAt, int Retries,
    string? LastError, bool Suspended = false);
