namespace Reclamations.Engine.Api;

/// <summary>Camunda 7's migration instruction: the instances waiting in <paramref name="SourceActivityId"/> of the source
/// version wait in <paramref name="TargetActivityId"/> of the target version (an activity, a subprocess, a boundary event or
/// an event subprocess's start).</summary>
public sealed record MigrationInstruction(string SourceActivityId, string TargetActivityId);

/// <summary>Camunda 7's migration plan: from one deployed version to another, by instructions.</summary>
public sealed record MigrationPlan(string SourceProcessDefinitionId, string TargetProcessDefinitionId,
    IReadOnlyList<MigrationInstruction> Instructions);

/// <summary>Why an instance cannot move: the element of the source version, and the reason (in English, for operators).</summary>
public sealed record MigrationProblem(Guid? ProcessInstanceId, string? ActivityId, string Reason);

/// <summary>What a migration did or would do for one instance: the elements it moves (source → target), the triggers the
/// target arms anew (boundary events and event subprocess starts it did not have), or the problems that refuse it.</summary>
public sealed record InstanceMigrationReport(Guid ProcessInstanceId, bool Migrated, IReadOnlyList<MigrationInstruction> Moves,
    IReadOnlyList<string> NewTriggers, IReadOnlyList<MigrationProblem> Problems);

/// <summary>A running instance of one version, for choosing the instances to migrate: what it waits in.</summary>
public sealed record RunningInstanceInfo(Guid Id, string? BusinessKey, DateTimeOffset StartedAt, IReadOnlyList<string> ActiveActivityIds,
    bool IsSuspended);
