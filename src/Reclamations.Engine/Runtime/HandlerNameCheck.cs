using Reclamations.Engine.Handlers;
using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Runtime;

/// <summary>At deployment: every topic and listener name used by a process must be registered, so a typo in the
/// designer is refused up front (naming the element) instead of failing a running case.</summary>
internal static class HandlerNameCheck
{
    public static IEnumerable<BpmnValidationError> Check(ProcessModel model, HandlerRegistry handlers)
    {
        foreach (var node in model.NodesById.Values.Append(model))
        {
            var topic = node switch
            {
                ServiceTask s => s.Topic,
                EventNode { EventDefinition: MessageEventDefinition { Topic: { } t } } => t,
                _ => null,
            };
            if (topic is not null && !handlers.IsRegistered(HandlerKind.ServiceTask, topic))
                yield return Missing(node.Id, HandlerKind.ServiceTask, topic);
            foreach (var listener in node.ExecutionListeners.Where(l => !handlers.IsRegistered(HandlerKind.ExecutionListener, l.HandlerName)))
                yield return Missing(node.Id, HandlerKind.ExecutionListener, listener.HandlerName);
            if (node is UserTask task)
                foreach (var listener in task.TaskListeners.Where(l => !handlers.IsRegistered(HandlerKind.TaskListener, l.HandlerName)))
                    yield return Missing(node.Id, HandlerKind.TaskListener, listener.HandlerName);
        }
        foreach (var flow in model.FlowsById.Values)
        foreach (var listener in flow.TakeListeners.Where(l => !handlers.IsRegistered(HandlerKind.ExecutionListener, l.HandlerName)))
            yield return Missing(flow.Id, HandlerKind.ExecutionListener, listener.HandlerName);
    }

    private static BpmnValidationError Missing(string elementId, HandlerKind kind, string name) =>
        new(elementId, $"No {HandlerRegistry.Describe(kind)} named '{name}' is registered in the application.");
}
