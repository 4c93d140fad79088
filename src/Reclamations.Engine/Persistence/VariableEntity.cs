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

    /// <summary>Who may read the value (<see cref="Runtime.Readers"/> form): set when a restricted called instance wrote it
    /// through a <c>camunda:out</c> mapping, and kept for its later values; null: every reader of the instance.</summary>
    public string? ReaderGroups { get; set; }

    // The value last read from Json (not mapped): a step reads the same variables many times.
    private string? _cachedType;
    private string? _cachedJson;
    private object? _cachedValue;

    internal object? Value()
    {
        if (!ReferenceEquals(_cachedJson, Json) || !ReferenceEquals(_cachedType, Type))
        {
            _cachedValue = Variables.VariableSerializer.Deserialize(Type, Json);
            _cachedJson = Json;
            _cachedType = Type;
        }
        return _cachedValue;
    }
}
