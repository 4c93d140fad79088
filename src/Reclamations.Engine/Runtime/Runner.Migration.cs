using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Moving an instance onto another version of its process.</summary>
internal sealed partial class Runner
{
    /// <summary>Re-points the instance, its executions, tasks, jobs, subscriptions and open incidents at the target version
    /// (checked by <see cref="InstanceMigration.Check"/>), then arms, on the target model, the boundary events and event
    /// subprocess starts the target adds (no instruction maps onto them) to what the instance waits in. Returns the ids of the triggers armed anew.</summary>
    public List<string> Migrate(InstanceState state, ProcessDefinitionEntity target, ProcessModel targetModel,
        IReadOnlyDictionary<string, string> map, IEnumerable<IncidentEntity> incidents)
    {
        string Map(string activityId) => map.GetValueOrDefault(activityId, activityId);
        var instance = state.Instance;
        var from = $"{instance.DefinitionKey}:{instance.DefinitionVersion}";
        instance.DefinitionId = target.Id;
        instance.DefinitionKey = target.Key;
        instance.DefinitionVersion = target.Version;
        instance.Revision++;
        foreach (var execution in state.Executions) execution.ActivityId = Map(execution.ActivityId);
        foreach (var task in state.Tasks)
        {
            task.TaskDefinitionKey = Map(task.TaskDefinitionKey);
            task.ProcessDefinitionId = target.Id;
            task.ProcessDefinitionKey = target.Key;
        }
        foreach (var job in state.Jobs)
        {
            job.ActivityId = Map(job.ActivityId);
            job.ProcessDefinitionId = target.Id;
        }
        foreach (var subscription in state.Subscriptions)
        {
            subscription.ActivityId = Map(subscription.ActivityId);
            subscription.ProcessDefinitionId = target.Id;
        }
        foreach (var incident in incidents) incident.ActivityId = Map(incident.ActivityId);

        var migrated = new InstanceState(instance, targetModel);
        migrated.Executions.AddRange(state.Executions);
        migrated.Variables.AddRange(state.Variables);
        migrated.Tasks.AddRange(state.Tasks);
        migrated.Jobs.AddRange(state.Jobs);
        migrated.Subscriptions.AddRange(state.Subscriptions);
        var armed = new List<string>();
        foreach (var (execution, activityId, definition) in NewTriggers(state.Executions, migrated.Jobs, migrated.Subscriptions, targetModel, map))
        {
            switch (definition)
            {
                case TimerEventDefinition timer:
                    CreateTimerJob(migrated, execution, activityId, timer);
                    break;
                case MessageEventDefinition message:
                    Subscribe(migrated, execution, activityId, message.MessageName);
                    break;
            }
            armed.Add(activityId);
        }
        ctx.History(migrated, "ProcessInstanceMigrated", targetModel.Id, "process", migrated.Root.Id,
            details: $"{from} -> {target.Key}:{target.Version}");
        return armed;
    }

    /// <summary>The boundary events and event subprocess starts of the target on what the executions (already re-pointed at
    /// the target's ids) wait in, that no instruction maps onto and that are not armed yet: a trigger mapped from the source
    /// keeps its state (armed, or already fired).</summary>
    internal static IEnumerable<(ExecutionEntity Execution, string ActivityId, EventDefinition Definition)> NewTriggers(
        IEnumerable<ExecutionEntity> executions, IReadOnlyCollection<JobEntity> jobs, IReadOnlyCollection<EventSubscriptionEntity> subscriptions,
        ProcessModel target, IReadOnlyDictionary<string, string> map)
    {
        var carried = map.Values.ToHashSet(StringComparer.Ordinal);
        foreach (var execution in executions.ToList())
        {
            var node = target.NodesById.GetValueOrDefault(execution.ActivityId);
            var triggers = new List<(string Id, EventDefinition? Definition)>();
            if (node is ScopeModel scope && (execution.ParentId is null || node is SubProcess))
                triggers.AddRange(scope.EventSubProcesses.SelectMany(e => e.StartEvents).Select(s => (s.Id, s.EventDefinition)));
            // A token waiting in an activity (not the inner tokens of a multi-instance body, whose body holds the triggers).
            if (node is Activity activity && execution.ParentId is not null && execution.LoopCounter is null)
                triggers.AddRange(activity.BoundaryEvents.Select(b => (b.Id, b.EventDefinition)));
            foreach (var (id, definition) in triggers)
            {
                if (definition is not (TimerEventDefinition or MessageEventDefinition) || carried.Contains(id)) continue;
                if (jobs.Any(j => j.ExecutionId == execution.Id && j.ActivityId == id)
                    || subscriptions.Any(s => s.ExecutionId == execution.Id && s.ActivityId == id)) continue;
                yield return (execution, id, definition);
            }
        }
    }
}
