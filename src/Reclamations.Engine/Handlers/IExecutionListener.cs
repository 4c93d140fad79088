namespace Reclamations.Engine.Handlers;

/// <summary>Bound by name to <c>camunda:executionListener</c> (events start, end, take). Throw
/// <see cref="Runtime.RejectedException"/> to refuse the step with a reason.</summary>
public interface IExecutionListener
{
    Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken);
}
