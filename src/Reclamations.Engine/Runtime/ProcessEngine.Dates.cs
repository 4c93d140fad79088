using Microsoft.Extensions.Logging;
using Reclamations.Engine.Api;

namespace Reclamations.Engine.Runtime;

public sealed partial class ProcessEngine
{
    /// <summary>Revises the stored dates of an active instance when the facts they were computed from change (a corrected
    /// receipt date, a written confirmation): <paramref name="revise"/> runs first in the engine's transaction (the caller
    /// updates its own records there) and returns the new values, which may only be variables of
    /// <see cref="EngineOptions.OperatorProtectedVariables"/>; they are set on the instance, then every pending date timer
    /// (<c>timeDate</c>) and every open task's due date is evaluated again from the variables, in the same transaction,
    /// with history rows (<c>TimerRescheduled</c>, <c>TaskDueDateChanged</c>) naming the old and new dates. Duration and
    /// cycle timers keep their dates (they count from when they were created). Anything thrown rolls everything back.</summary>
    /// <exception cref="ForbiddenException">The actor is neither an operator nor in <see cref="EngineOptions.DateReviserGroups"/>.</exception>
    /// <exception cref="RejectedException">A returned name is not a stored regulatory date, or a timer cannot be evaluated.</exception>
    public Task ReviseDatesAsync(Guid processInstanceId, Func<EngineTransaction, Task<IReadOnlyDictionary<string, object?>>> revise,
        Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(revise);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSystem && !actor.InAnyGroup(_runtime.Options.OperatorGroups) && !actor.InAnyGroup(_runtime.Options.DateReviserGroups))
        {
            _logger.LogWarning("Refused: {Actor} may not revise the dates of instance {Instance}", actor, processInstanceId);
            throw new ForbiddenException($"Only {string.Join(", ", _runtime.Options.DateReviserGroups.Concat(_runtime.Options.OperatorGroups).Distinct())} "
                + $"may revise the stored dates of a process instance; '{actor.Id}' may not.");
        }
        return _executor.ExecuteAsync(actor, async (ctx, runner) =>
        {
            var state = await ctx.LoadInstanceAsync(processInstanceId, ct);
            RequireActive(state, "revised");
            var values = await revise(new EngineTransaction(ctx.Connection, ctx.Transaction, ctx.Now, ctx.Services));
            foreach (var name in values.Keys)
                if (!_runtime.Options.OperatorProtectedVariables.Contains(name))
                    throw new RejectedException($"Variable '{name}' is not a stored regulatory date: it cannot be revised.");
            foreach (var (name, value) in values) ctx.SetVariable(state, null, name, value);
            runner.ReviseDates(state);
            return true;
        }, ct);
    }
}
