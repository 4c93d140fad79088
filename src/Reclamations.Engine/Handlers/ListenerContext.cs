namespace Reclamations.Engine.Handlers;

/// <summary>What a listener sees. Task fields are set for task listeners only.</summary>
public sealed class ListenerContext
{
    public required string EventName { get; init; }
    public required Guid ProcessInstanceId { get; init; }
    public required string ProcessDefinitionKey { get; init; }
    public string? BusinessKey { get; init; }
    public required string ActivityId { get; init; }
    public required IReadOnlyDictionary<string, object?> Variables { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required IServiceProvider Services { get; init; }

    /// <summary>The user acting (task listeners), when known.</summary>
    public string? UserId { get; init; }
    public Guid? TaskId { get; init; }
    public string? Assignee { get; init; }
    public IReadOnlyList<string> CandidateGroups { get; init; } = [];
    public IReadOnlyList<string> CandidateUsers { get; init; } = [];

    internal Dictionary<string, object?> VariablesToSet { get; } = new(StringComparer.Ordinal);

    /// <summary>Sets a process variable once the listener returns (never one of the engine's own, such as loopCounter).</summary>
    public void SetVariable(string name, object? value)
    {
        if (Runtime.EngineVariables.IsInternal(name))
            throw new InvalidOperationException($"'{name}' is written by the engine only; a listener cannot set it.");
        VariablesToSet[name] = value;
    }
}
