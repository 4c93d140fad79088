using Reclamations.Engine.Api;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Checks one instance against a migration plan: every element it waits in (executions, tasks, jobs, message
/// subscriptions, open incidents) must be mapped to an element of the target of the same kind, in the mapped enclosing
/// scope (the execution tree keeps its shape), a boundary event onto one attached to the mapped activity.</summary>
internal static class InstanceMigration
{
    public static (Dictionary<string, string> Map, List<MigrationProblem> Problems) Check(InstanceState state, ProcessModel source,
        ProcessModel target, MigrationPlan plan, IEnumerable<string> incidentActivities)
    {
        var problems = new List<MigrationProblem>();
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { [source.Id] = target.Id };
        foreach (var instruction in plan.Instructions)
        {
            if (!source.NodesById.ContainsKey(instruction.SourceActivityId))
                problems.Add(new(null, instruction.SourceActivityId, $"the source version has no element '{instruction.SourceActivityId}'"));
            else if (!target.NodesById.ContainsKey(instruction.TargetActivityId))
                problems.Add(new(null, instruction.SourceActivityId, $"the target version has no element '{instruction.TargetActivityId}'"));
            else if (!map.TryAdd(instruction.SourceActivityId, instruction.TargetActivityId))
                problems.Add(new(null, instruction.SourceActivityId, $"'{instruction.SourceActivityId}' is mapped twice"));
        }
        if (problems.Count > 0) return (map, problems);

        var id = state.Id;
        if (!state.IsActive) problems.Add(new(id, null, $"the instance is {state.Instance.State}, not active"));
        if (state.Instance.DefinitionId != plan.SourceProcessDefinitionId)
            problems.Add(new(id, null, $"the instance runs '{state.Instance.DefinitionId}', not the plan's source '{plan.SourceProcessDefinitionId}'"));
        if (!source.ReaderGroups.ToHashSet().SetEquals(target.ReaderGroups))
            problems.Add(new(id, null, "the target version has other readerGroups: a migration may not change who reads an instance"));

        var waiting = state.Executions.Where(e => e.ParentId is not null).Select(e => e.ActivityId)
            .Concat(state.Tasks.Select(t => t.TaskDefinitionKey))
            .Concat(state.Jobs.Select(j => j.ActivityId))
            .Concat(state.Subscriptions.Select(s => s.ActivityId))
            .Concat(incidentActivities)
            .Distinct(StringComparer.Ordinal);
        foreach (var activityId in waiting)
        {
            if (!source.NodesById.TryGetValue(activityId, out var from)) continue;
            if (!map.TryGetValue(activityId, out var targetId))
            {
                problems.Add(new(id, activityId, $"the instance waits in '{activityId}', which the plan does not map"));
                continue;
            }
            var to = target.Node(targetId);
            if (from.ElementType != to.ElementType)
                problems.Add(new(id, activityId, $"'{activityId}' is a {from.ElementType}, '{targetId}' a {to.ElementType}"));
            else if ((from as Activity)?.MultiInstance is null != ((to as Activity)?.MultiInstance is null))
                problems.Add(new(id, activityId, $"'{activityId}' and '{targetId}' differ in multi-instance"));
            else if (!SameScope(from.Scope, to.Scope, map))
                problems.Add(new(id, activityId, $"'{targetId}' is not in the scope '{activityId}''s scope is mapped to"));
            else if (from is BoundaryEvent boundary && (to is not BoundaryEvent moved
                         || map.GetValueOrDefault(boundary.AttachedTo.Id) != moved.AttachedTo.Id))
                problems.Add(new(id, activityId, $"boundary event '{activityId}' must map onto one attached to the activity '{boundary.AttachedTo.Id}' is mapped to"));
        }
        return (map, problems);
    }

    private static bool SameScope(ScopeModel from, ScopeModel to, IReadOnlyDictionary<string, string> map) =>
        map.TryGetValue(from.Id, out var mapped) && mapped == to.Id;

    /// <summary>The instructions that map every element of the source onto the element with the same id and kind in the target.</summary>
    public static IReadOnlyList<MigrationInstruction> EqualActivities(ProcessModel source, ProcessModel target) =>
        source.NodesById.Values
            .Where(n => target.NodesById.TryGetValue(n.Id, out var t) && t.ElementType == n.ElementType)
            .OrderBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => new MigrationInstruction(n.Id, n.Id)).ToList();
}
