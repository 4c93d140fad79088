using System.Data.Common;

namespace Reclamations.Engine.Handlers;

/// <summary>What a service task handler sees: its inputs, the variables in scope and the engine's open
/// transaction, so that a domain change commits together with the step.</summary>
public sealed class ServiceTaskContext
{
    public required string Topic { get; init; }
    public required Guid ProcessInstanceId { get; init; }
    public required string ProcessDefinitionKey { get; init; }
    public string? BusinessKey { get; init; }
    public required string ActivityId { get; init; }

    /// <summary>The evaluated <c>camunda:inputParameter</c>s (empty when the task declares none).</summary>
    public required IReadOnlyDictionary<string, object?> Inputs { get; init; }

    /// <summary>Every variable visible from the task.</summary>
    public required IReadOnlyDictionary<string, object?> Variables { get; init; }

    /// <summary>The engine's current time.</summary>
    public required DateTimeOffset Now { get; init; }

    public required DbConnection Connection { get; init; }
    public required DbTransaction Transaction { get; init; }

    /// <summary>The groups that alone may read this instance (the diagram's <c>readerGroups</c>, combined along the call
    /// chain); empty when anybody who may read the case may. What a handler records from this step (a letter) should be
    /// restricted the same way.</summary>
    public IReadOnlyList<string> ReaderGroups { get; init; } = [];

    /// <summary>Puts this step's process instance, the instances of its call chain (the one that called it, up to the root)
    /// and every instance they called under the engine's legal hold (no history cleanup, no erasure), in the step's
    /// transaction, with the reason in their history. Set by the engine.</summary>
    public Func<string, CancellationToken, Task>? PlaceLegalHoldAsync { get; init; }

    /// <summary>Services of the command's DI scope.</summary>
    public required IServiceProvider Services { get; init; }

    /// <summary>An input, else a variable, else an error naming it.</summary>
    public object? Get(string name) =>
        Inputs.TryGetValue(name, out var v) || Variables.TryGetValue(name, out v)
            ? v
            : throw new KeyNotFoundException($"Service task '{ActivityId}' ({Topic}) has no input or variable '{name}'.");
}
