using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Writes the candidate rows of a new task (deleted with it by cascade).</summary>
internal static class TaskCandidates
{
    public static void Write(EngineDbContext db, TaskEntity task)
    {
        var dueOrder = task.DueDate?.UtcTicks ?? long.MaxValue;
        foreach (var group in Split(task.CandidateGroups))
            db.TaskCandidates.Add(new TaskCandidateEntity { TaskId = task.Id, Kind = "group", Value = group, DueOrder = dueOrder });
        foreach (var user in Split(task.CandidateUsers))
            db.TaskCandidates.Add(new TaskCandidateEntity { TaskId = task.Id, Kind = "user", Value = user, DueOrder = dueOrder });
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
