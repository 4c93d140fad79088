namespace Reclamations.Engine.Persistence;

/// <summary>A variable of an instance; <see cref="ExecutionId"/> null means instance scope, else local to that execution.</summary>
public sealed class VariableEntity
{
    public Guid Id { get; set; }
    public Guid ProcessInstanceId { get; set; }
    public Guid? ExecutionId { get; set; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public string? Json { get; set; }
}
