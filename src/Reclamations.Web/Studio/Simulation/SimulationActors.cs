using Reclamations.Engine.Api;

namespace Reclamations.Web.Studio.Simulation;

/// <summary>Who acts inside a sandbox. The process owner drives the simulation; each step is completed by a simulated
/// member of the task's candidate groups, one per step (<c>simulation.Task_Review</c>), so that the independence rules
/// (a second level never given by a first-level decider) hold as they would between real people; a task assigned to
/// someone (the appointed reviewer) is completed as that person.</summary>
public static class SimulationActors
{
    /// <summary>Registers the scenario's complaint and starts its workflow (a member of Staff).</summary>
    public static readonly Actor Registrar = new("simulation", ["Staff"]);

    public static Actor For(TaskInfo task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var groups = task.CandidateGroups.Count > 0 ? task.CandidateGroups : ["Staff"];
        var id = task.Assignee ?? task.CandidateUsers.FirstOrDefault() ?? $"simulation.{task.TaskDefinitionKey}";
        return new Actor(id, groups);
    }
}
