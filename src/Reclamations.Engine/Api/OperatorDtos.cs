namespace Reclamations.Engine.Api;

/// <summary>Camunda 7's process instance modification: instructions run in order, in one transaction.</summary>
public sealed record ProcessInstanceModification(IReadOnlyList<ModificationInstruction> Instructions, string? Annotation = null);

public enum ModificationKind
{
    /// <summary>Cancels one activity instance (<see cref="ModificationInstruction.ActivityInstanceId"/>) or every instance of an
    /// activity (<see cref="ModificationInstruction.ActivityId"/>); its end listeners run.</summary>
    Cancel,

    /// <summary>A new token enters <see cref="ModificationInstruction.ActivityId"/> (its enclosing subprocesses are created when
    /// none runs).</summary>
    StartBeforeActivity,

    /// <summary>A new token leaves <see cref="ModificationInstruction.ActivityId"/> by its one outgoing flow.</summary>
    StartAfterActivity,
}

/// <param name="AncestorActivityInstanceId">For a start: the subprocess instance to start in, when several run.</param>
/// <param name="Variables">For a start: variables set (instance scope unless the name is local there) before the token moves.</param>
public sealed record ModificationInstruction(
    ModificationKind Kind,
    string? ActivityId = null,
    Guid? ActivityInstanceId = null,
    Guid? AncestorActivityInstanceId = null,
    IReadOnlyDictionary<string, object?>? Variables = null);

/// <summary>One node of an instance's execution tree: a token at an activity, or a scope (subprocess, multi-instance body).</summary>
public sealed record ActivityInstanceInfo(Guid Id, string ActivityId, string? ActivityType, Guid? ParentId);

/// <summary>A page of a list and the total number of matches (the <c>X-Total-Count</c> header).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

/// <summary>Filters of the job list; <see cref="WithIncident"/> true: only parked jobs (retries exhausted).</summary>
public sealed record JobQuery(
    Guid? ProcessInstanceId = null,
    string? ActivityId = null,
    string? Kind = null,
    bool? WithIncident = null,
    bool? Suspended = null,
    int FirstResult = 0,
    int MaxResults = 50);

public sealed record IncidentQuery(
    Guid? ProcessInstanceId = null,
    string? ActivityId = null,
    bool OpenOnly = true,
    int FirstResult = 0,
    int MaxResults = 50);

/// <summary>What one run of the history cleanup removed.</summary>
public sealed record HistoryCleanupRunInfo(Guid Id, DateTimeOffset StartedAt, DateTimeOffset EndedAt, string Trigger, string? UserId,
    int Batches, int Instances, int HistoryRows, int VariableRows, int OtherRows);

/// <summary>The cleanup's settings and its last runs.</summary>
public sealed record HistoryCleanupReport(string? Window, TimeSpan? DefaultHistoryTimeToLive, TimeSpan MinimumHistoryTimeToLive,
    int BatchSize, int InstancesDue, IReadOnlyList<HistoryCleanupRunInfo> LastRuns);
