using System.Collections.Concurrent;
using Reclamations.Engine.Handlers;

namespace Reclamations.Engine.Tests.Support;

/// <summary>Test handlers' shared behaviour: record each call; optionally fail or return values, per topic.</summary>
internal sealed class HandlerScript
{
    public ConcurrentQueue<(string Topic, IReadOnlyDictionary<string, object?> Inputs, IReadOnlyDictionary<string, object?> Variables)> Calls { get; } = new();

    /// <summary>Per topic: how many of the next calls fail with an exception.</summary>
    public ConcurrentDictionary<string, int> FailuresLeft { get; } = new();

    /// <summary>Per topic: a BPMN error code to throw.</summary>
    public ConcurrentDictionary<string, string> BpmnErrors { get; } = new();

    /// <summary>Per topic: values to return.</summary>
    public ConcurrentDictionary<string, Dictionary<string, object?>> Results { get; } = new();

    public int CallsTo(string topic) => Calls.Count(c => c.Topic == topic);
}

/// <summary>Registered under every test topic: behaves as <see cref="HandlerScript"/> says.</summary>
internal sealed class RecordingHandler(HandlerScript script) : IServiceTaskHandler
{
    public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        script.Calls.Enqueue((context.Topic, context.Inputs, context.Variables));
        if (script.FailuresLeft.TryGetValue(context.Topic, out var left) && left > 0)
        {
            script.FailuresLeft[context.Topic] = left - 1;
            throw new InvalidOperationException($"Simulated failure of {context.Topic}");
        }
        if (script.BpmnErrors.TryGetValue(context.Topic, out var code)) throw new BpmnErrorException(code);
        return Task.FromResult<IReadOnlyDictionary<string, object?>?>(
            script.Results.TryGetValue(context.Topic, out var results) ? results : null);
    }
}
