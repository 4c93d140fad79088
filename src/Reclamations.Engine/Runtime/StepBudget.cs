using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Counts the element executions of one command (<see cref="EngineOptions.MaxStepsPerCommand"/>) and, past the
/// budget, describes where it looped and which committed instance gets the incident.</summary>
internal sealed class StepBudget(CommandContext ctx)
{
    private readonly int _budget = ctx.Runtime.Options.MaxStepsPerCommand;
    private int _steps;

    public int Steps => _steps;

    /// <summary>One more element execution; throws <see cref="StepBudgetExceededException"/> past the budget.</summary>
    public void Count(InstanceState state, FlowNode node)
    {
        if (++_steps <= _budget) return;
        var (instanceId, activityId) = IncidentTarget(state, node.Id);
        var message = $"The command went past its step budget of {_budget} element executions (Engine:MaxStepsPerCommand) at "
                      + $"element '{node.Id}' of process '{state.Instance.DefinitionKey}': it loops without reaching a wait state "
                      + "(or calls itself). Nothing it did was saved.";
        throw new StepBudgetExceededException(message, node.Id, state.Instance.DefinitionKey, instanceId, activityId, ctx.JobId);
    }

    /// <summary>The looping instance if it existed before the command, else the nearest such caller (named by the call
    /// activity that led to the loop), else none.</summary>
    private (Guid? InstanceId, string ActivityId) IncidentTarget(InstanceState state, string activityId)
    {
        var current = state;
        while (ctx.Db.Entry(current.Instance).State == EntityState.Added)
        {
            if (current.Instance.SuperProcessInstanceId is not { } callerId || ctx.Loaded(callerId) is not { } caller)
                return (null, activityId);
            activityId = caller.Find(current.Instance.SuperExecutionId ?? Guid.Empty)?.ActivityId ?? activityId;
            current = caller;
        }
        return (current.Id, activityId);
    }
}
