namespace Reclamations.Engine.Handlers;

/// <summary>Bound by name to <c>camunda:taskListener</c> (events create, assignment, complete). Throw
/// <see cref="Runtime.RejectedException"/> to refuse, e.g. an assignee who is not independent.</summary>
public interface ITaskListener
{
    Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken);
}
