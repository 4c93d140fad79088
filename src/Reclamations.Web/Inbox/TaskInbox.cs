using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;

namespace Reclamations.Web.Inbox;

/// <summary>The tasks a person works on: assigned to them, offered to them by name, or offered to one of their groups
/// (unclaimed), sorted by due date (none last). Scoped: computed once per request, shared by the page and the
/// navigation's count.</summary>
public sealed class TaskInbox(ProcessEngine engine)
{
    private (Actor Actor, IReadOnlyList<TaskInfo> Tasks)? _computed;

    /// <summary>How many tasks one inbox shows at most (the rest is reached by the filters).</summary>
    public const int Limit = 200;

    public async Task<IReadOnlyList<TaskInfo>> ForAsync(Actor actor, CancellationToken ct = default)
    {
        if (_computed is { } done && done.Actor.Id == actor.Id) return done.Tasks;
        var tasks = await QueryAsync(actor, ct);
        _computed = (actor, tasks);
        return tasks;
    }

    private async Task<IReadOnlyList<TaskInfo>> QueryAsync(Actor actor, CancellationToken ct)
    {
        var queries = new List<TaskQuery>
        {
            new(Assignee: actor.Id, Take: Limit),
            new(CandidateUser: actor.Id, Take: Limit),
        };
        queries.AddRange(actor.Groups.Select(g => new TaskQuery(CandidateGroup: g, Take: Limit)));
        var tasks = new Dictionary<Guid, TaskInfo>();
        foreach (var query in queries)
            foreach (var task in await engine.QueryTasksAsync(query, actor, ct))
                tasks.TryAdd(task.Id, task);
        return tasks.Values
            .OrderBy(t => t.DueDate ?? DateTimeOffset.MaxValue)
            .ThenBy(t => t.CreatedAt)
            .Take(Limit)
            .ToList();
    }
}
