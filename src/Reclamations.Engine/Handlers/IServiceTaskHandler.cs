namespace Reclamations.Engine.Handlers;

/// <summary>Does the work of service tasks, send tasks and throwing message events whose
/// <c>camunda:topic</c> it is registered under. Returned values become variables (or feed the
/// output parameters). Throw <see cref="BpmnErrorException"/> for a business error a boundary
/// error event can catch; any other exception fails the step (retried when it runs as a job).</summary>
public interface IServiceTaskHandler
{
    Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}
