using Reclamations.Domain.Register;

namespace Reclamations.Web.Studio.Simulation;

/// <summary>What a simulation runs on: the complaint it registers in its sandbox, when (the sandbox's clock starts at
/// <see cref="StartAt"/>), and the values its forms are pre-filled with, by task (a preset's path through the process).</summary>
public sealed record SimulationScenario(string Code, string Label, NewComplaint Complaint, DateTimeOffset StartAt,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> FormValues)
{
    /// <summary>The pre-filled value of a task's field, if the scenario gives one.</summary>
    public string? ValueFor(string taskKey, string fieldId) =>
        FormValues.TryGetValue(taskKey, out var fields) ? fields.GetValueOrDefault(fieldId) : null;
}
