namespace Reclamations.Engine.Persistence;

/// <summary>Values of <see cref="TaskEntity.DelegationState"/> (Camunda 7's delegation states).</summary>
public static class TaskDelegation
{
    public const string Pending = "PENDING";
    public const string Resolved = "RESOLVED";
}
