namespace Reclamations.Engine.Runtime;

/// <summary>A command entered more elements than <see cref="EngineOptions.MaxStepsPerCommand"/> allows (a loop without a wait
/// state, a process that calls itself): it rolled back, and an incident was recorded in a transaction of its own.</summary>
public sealed class StepBudgetExceededException(string message, string elementId, string processDefinitionKey,
    Guid? incidentInstanceId, string incidentActivityId, Guid? jobId) : ProcessEngineException(message)
{
    /// <summary>The element whose execution went past the budget.</summary>
    public string ElementId { get; } = elementId;

    /// <summary>The process that element belongs to.</summary>
    public string ProcessDefinitionKey { get; } = processDefinitionKey;

    /// <summary>The instance the incident is recorded on: the looping one, or the nearest caller that existed before the
    /// command (instances the command created are rolled back); none when the command started the whole chain.</summary>
    internal Guid? IncidentInstanceId { get; } = incidentInstanceId;

    /// <summary>The element the incident names in <see cref="IncidentInstanceId"/> (the call activity when the loop ran in a
    /// called instance that was rolled back).</summary>
    internal string IncidentActivityId { get; } = incidentActivityId;

    /// <summary>The job the command ran, if it was one: it gets the incident and parks.</summary>
    internal Guid? JobId { get; } = jobId;
}
