using Reclamations.Engine.Api;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Who sees a task: the engine; nobody outside the readers of its instance (<see cref="Readers"/>); within them its
/// assignee, its owner (it delegated the task), a candidate user, a member of a candidate group, and the supervisors.
/// One rule, as a check (<see cref="MaySee"/>) and as an SQL filter (<see cref="Filter"/>).</summary>
internal static class TaskVisibility
{
    public static bool MaySee(TaskEntity task, Actor reader, EngineOptions options) =>
        Readers.MayRead(reader, task.ReaderGroups)
        && (reader.IsSystem || AccessRules.IsSupervisor(options, reader) || AccessRules.IsAssignee(task, reader)
            || task.Owner == reader.Id || AccessRules.IsCandidate(task, reader));

    /// <summary>Whether the query's own filters already keep only tasks the reader works on or oversees (its group, itself as
    /// candidate or assignee), so that only the instance restriction remains to check.</summary>
    public static bool Implied(TaskQuery query, Actor reader, EngineOptions options) =>
        reader.IsSystem || AccessRules.IsSupervisor(options, reader) || query.Assignee == reader.Id || query.CandidateUser == reader.Id
        || (query.CandidateGroup is { } group && reader.InGroup(group));

    /// <summary>The tasks the reader may see. The candidate test is one uncorrelated <c>IN</c> over the (kind, value) index,
    /// evaluated once per query, not once per task.</summary>
    public static IQueryable<TaskEntity> Filter(EngineDbContext db, IQueryable<TaskEntity> tasks, Actor reader, EngineOptions options,
        bool implied)
    {
        if (reader.IsSystem) return tasks;
        var patterns = Readers.Patterns(reader);
        tasks = tasks.Where(t => t.ReaderGroups == null || patterns.Any(p => t.ReaderGroups.Contains(p)));
        if (implied) return tasks;
        var id = reader.Id;
        var groups = reader.Groups.ToList();
        var offered = db.TaskCandidates
            .Where(c => (c.Kind == "user" && c.Value == id) || (c.Kind == "group" && groups.Contains(c.Value)))
            .Select(c => c.TaskId);
        return tasks.Where(t => t.Assignee == id || t.Owner == id || offered.Contains(t.Id));
    }
}
