using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>The runtime rows of one process instance, loaded (tracked) for the duration of one command.</summary>
internal sealed class InstanceState(ProcessInstanceEntity instance, ProcessModel model)
{
    public ProcessInstanceEntity Instance { get; } = instance;
    public ProcessModel Model { get; } = model;
    public List<ExecutionEntity> Executions { get; } = [];
    public List<VariableEntity> Variables { get; } = [];
    public List<TaskEntity> Tasks { get; } = [];
    public List<JobEntity> Jobs { get; } = [];
    public List<EventSubscriptionEntity> Subscriptions { get; } = [];

    public Guid Id => Instance.Id;
    public bool IsActive => Instance.State == ProcessInstanceState.Active;

    public ExecutionEntity Root => Executions.Single(e => e.ParentId is null);

    public ExecutionEntity? Find(Guid executionId) => Executions.Find(e => e.Id == executionId);

    public bool Contains(ExecutionEntity execution) => Executions.Contains(execution);

    public ExecutionEntity? Parent(ExecutionEntity execution) =>
        execution.ParentId is { } id ? Find(id) : null;

    public IEnumerable<ExecutionEntity> Children(ExecutionEntity execution) =>
        Executions.Where(e => e.ParentId == execution.Id);

    /// <summary>The execution and its ancestors, nearest first.</summary>
    public IEnumerable<ExecutionEntity> SelfAndAncestors(ExecutionEntity execution)
    {
        for (var e = execution; e is not null; e = Parent(e)) yield return e;
    }

    /// <summary>Variables visible from an execution: instance scope overlaid by each enclosing local scope.</summary>
    public Dictionary<string, object?> VisibleVariables(ExecutionEntity? execution)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var v in Variables.Where(v => v.ExecutionId is null))
            result[v.Name] = v.Value();
        if (execution is null) return result;
        foreach (var scope in SelfAndAncestors(execution).Reverse())
            foreach (var v in Variables.Where(v => v.ExecutionId == scope.Id))
                result[v.Name] = v.Value();
        return result;
    }

    /// <summary>The variables local to one execution (e.g. an activity's input parameters).</summary>
    public Dictionary<string, object?> LocalVariables(ExecutionEntity execution) =>
        Variables.Where(v => v.ExecutionId == execution.Id).ToDictionary(v => v.Name, v => v.Value(), StringComparer.Ordinal);

    /// <summary>Where a variable set from <paramref name="execution"/> lives: the nearest scope that already has it, else the instance.</summary>
    public VariableEntity? FindVisible(ExecutionEntity? execution, string name)
    {
        if (execution is not null)
            foreach (var scope in SelfAndAncestors(execution))
                if (Variables.Find(v => v.ExecutionId == scope.Id && v.Name == name) is { } local) return local;
        return Variables.Find(v => v.ExecutionId is null && v.Name == name);
    }
}
