using Reclamations.Engine.Api;

namespace Reclamations.Web.Tasks;

/// <summary>Who may see a task: its assignee and its candidates (users by name, members of its groups).</summary>
public static class TaskVisibility
{
    public static bool MaySee(TaskInfo task, Actor actor) =>
        task.Assignee == actor.Id || task.CandidateUsers.Contains(actor.Id) || actor.InAnyGroup(task.CandidateGroups);
}
