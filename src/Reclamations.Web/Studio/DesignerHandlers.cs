using Reclamations.Engine.Handlers;

namespace Reclamations.Web.Studio;

/// <summary>The names registered on the engine (<see cref="HandlerRegistration"/>), for the designer's lint.</summary>
public sealed class DesignerHandlers(IEnumerable<HandlerRegistration> registrations)
{
    public KnownHandlers Known { get; } = new(
        Names(registrations, HandlerKind.ServiceTask), Names(registrations, HandlerKind.ExecutionListener), Names(registrations, HandlerKind.TaskListener));

    private static List<string> Names(IEnumerable<HandlerRegistration> all, HandlerKind kind) =>
        all.Where(r => r.Kind == kind).Select(r => r.Name).Distinct().Order(StringComparer.Ordinal).ToList();
}
