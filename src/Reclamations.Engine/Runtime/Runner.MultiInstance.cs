using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Multi-instance activities: a body execution whose children are the instances (parallel or one at a time).</summary>
internal sealed partial class Runner
{
    private const string CollectionVariable = EngineVariables.MultiInstanceCollection;

    private async Task EnterMultiInstanceAsync(InstanceState state, ExecutionEntity body, Activity activity)
    {
        var definition = activity.MultiInstance!;
        body.IsMultiInstanceBody = true;
        CreateBoundaryArtifacts(state, body, activity);
        var variables = state.VisibleVariables(body);
        IReadOnlyList<object?> items;
        try
        {
            if (definition.Collection is { } collection)
                items = Rt.Expressions.EvaluateCollection(collection, variables);
            else
                items = new object?[Convert.ToInt32(Rt.Expressions.Evaluate(definition.LoopCardinality ?? "0", variables),
                    System.Globalization.CultureInfo.InvariantCulture)];
        }
        catch (Exception e) when (e is not ProcessEngineException)
        {
            throw new ProcessEngineException($"Multi-instance '{activity.Id}': {e.Message}", e);
        }
        ctx.SetLocalVariable(state, body, EngineVariables.NrOfInstances, (long)items.Count);
        ctx.SetLocalVariable(state, body, EngineVariables.NrOfCompletedInstances, 0L);
        ctx.SetLocalVariable(state, body, EngineVariables.NrOfActiveInstances, (long)(definition.IsSequential ? Math.Min(1, items.Count) : items.Count));
        if (items.Count == 0)
        {
            await LeaveAsync(state, body);
            return;
        }
        if (definition.IsSequential)
        {
            ctx.SetLocalVariable(state, body, CollectionVariable, items.ToList());
            StartMultiInstanceStep(state, body, activity, 0, items[0]);
        }
        else
        {
            for (var i = 0; i < items.Count; i++) StartMultiInstanceStep(state, body, activity, i, items[i]);
        }
    }

    private void StartMultiInstanceStep(InstanceState state, ExecutionEntity body, Activity activity, int index, object? item)
    {
        var instance = NewExecution(state, body, activity.Id);
        instance.LoopCounter = index;
        ctx.SetLocalVariable(state, instance, EngineVariables.LoopCounter, (long)index);
        if (activity.MultiInstance!.ElementVariable is { } elementVariable) ctx.SetLocalVariable(state, instance, elementVariable, item);
        Plan(() =>
        {
            if (!state.Contains(instance)) return Task.CompletedTask;
            ctx.History(state, "ActivityStarted", activity.Id, activity.ElementType, instance.Id);
            return StartActivityAsync(state, instance, activity);
        });
    }

    /// <summary>One instance is done: start the next (sequential) or, when all are done or the completion condition holds, leave.</summary>
    private async Task CompleteMultiInstanceStepAsync(InstanceState state, ExecutionEntity instance)
    {
        var body = state.Parent(instance)!;
        var activity = (Activity)state.Model.Node(body.ActivityId);
        RemoveExecution(state, instance);
        var variables = state.VisibleVariables(body);
        var total = Convert.ToInt64(variables[EngineVariables.NrOfInstances]);
        var completed = Convert.ToInt64(variables[EngineVariables.NrOfCompletedInstances]) + 1;
        // Sequential: the one active instance is replaced by the next, so the count stays 1 (as in Camunda).
        var active = activity.MultiInstance!.IsSequential ? 1 : state.Children(body).Count();
        ctx.SetLocalVariable(state, body, EngineVariables.NrOfCompletedInstances, completed);
        ctx.SetLocalVariable(state, body, EngineVariables.NrOfActiveInstances, (long)active);
        variables[EngineVariables.NrOfCompletedInstances] = completed;
        variables[EngineVariables.NrOfActiveInstances] = (long)active;
        bool done;
        try
        {
            done = completed >= total ||
                   (activity.MultiInstance!.CompletionCondition is { } condition && Rt.Expressions.EvaluateCondition(condition, variables));
        }
        catch (Exception e) when (e is not ProcessEngineException)
        {
            throw new ProcessEngineException($"Multi-instance '{activity.Id}', completionCondition: {e.Message}", e);
        }
        if (done)
        {
            foreach (var other in state.Children(body).ToList()) await CancelAsync(state, other, includeSelf: true);
            await LeaveAsync(state, body);
        }
        else if (activity.MultiInstance!.IsSequential)
        {
            var items = (IReadOnlyList<object?>)variables[CollectionVariable]!;
            StartMultiInstanceStep(state, body, activity, (int)completed, items[(int)completed]);
        }
    }
}
