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
        // A trigger mapped from the source keeps its state (armed, or already fired); only those the target adds are armed.
        var carried = map.Values.ToHashSet(StringComparer.Ordinal);
        bool Armed(ExecutionEntity execution, string activityId) =>
            carried.Contains(activityId)
            || migrated.Jobs.Any(j => j.ExecutionId == execution.Id && j.ActivityId == activityId)
            || migrated.Subscriptions.Any(s => s.ExecutionId == execution.Id && s.ActivityId == activityId);
        void Arm(ExecutionEntity execution, string activityId, EventDefinition? definition)
        {
            if (Armed(execution, activityId)) return;
            switch (definition)
            {
                case TimerEventDefinition timer:
                    CreateTimerJob(migrated, execution, activityId, timer);
                    armed.Add(activityId);
                    break;
                case MessageEventDefinition message:
                    Subscribe(migrated, execution, activityId, message.MessageName);
                    armed.Add(activityId);
                    break;
            }
        }
        foreach (var execution in state.Executions.ToList())
        {
            var node = targetModel.NodesById.GetValueOrDefault(execution.ActivityId);
            if (node is ScopeModel scope && (execution.ParentId is null || node is SubProcess))
                foreach (var start in scope.EventSubProcesses.SelectMany(e => e.StartEvents)) Arm(execution, start.Id, start.EventDefinition);
            // A token waiting in an activity (not the inner tokens of a multi-instance body, whose body holds the triggers).
            if (node is Activity activity && execution.ParentId is not null && execution.LoopCounter is null)
                foreach (var boundary in activity.BoundaryEvents) Arm(execution, boundary.Id, boundary.EventDefinition);
        }
        ctx.History(migrated, "ProcessInstanceMigrated", targetModel.Id, "process", migrated.Root.Id,
            details: $"{from} -> {target.Key}:{target.Version}");
        return armed;
    }
}
