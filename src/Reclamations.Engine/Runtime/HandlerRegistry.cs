using Microsoft.Extensions.DependencyInjection;
using Reclamations.Engine.Handlers;

namespace Reclamations.Engine.Runtime;

/// <summary>The names BPMN files may use for handlers and listeners, and the DI types behind them.</summary>
internal sealed class HandlerRegistry(IEnumerable<HandlerRegistration> registrations)
{
    private readonly Dictionary<(HandlerKind, string), Type> _types =
        registrations.ToDictionary(r => (r.Kind, r.Name), r => r.HandlerType);

    public bool IsRegistered(HandlerKind kind, string name) => _types.ContainsKey((kind, name));

    public T Resolve<T>(IServiceProvider services, HandlerKind kind, string name, string elementId) where T : class =>
        _types.TryGetValue((kind, name), out var type)
            ? (T)services.GetRequiredService(type)
            : throw new ProcessEngineException($"No {Describe(kind)} named '{name}' is registered (used by '{elementId}').");

    public static string Describe(HandlerKind kind) => kind switch
    {
        HandlerKind.ServiceTask => "service task handler",
        HandlerKind.ExecutionListener => "execution listener",
        _ => "task listener",
    };
}
