using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Dates evaluated again after the variables they come from were revised.</summary>
internal sealed partial class Runner
{
    /// <summary>Every pending date timer and every open task's due date of <paramref name="state"/>, evaluated again.</summary>
    public void ReviseDates(InstanceState state)
    {
        foreach (var job in state.Jobs.ToList())
        {
            if (job.Kind != JobKind.Timer || job.Cycle is not null || job.Retries < 0) continue;
            if (state.Model.Node(job.ActivityId) is not EventNode { EventDefinition: TimerEventDefinition { Kind: TimerKind.Date } timer })
                continue;
            if (job.LockExpiresAt is { } lockedUntil && lockedUntil > ctx.Now)
                throw new ConflictException($"Timer '{job.ActivityId}' is firing on node '{job.LockOwner}'; try again in a moment.");
            var execution = job.ExecutionId is { } id ? state.Find(id) : null;
            var due = EvaluateTimerDate(state, execution, job.ActivityId, timer);
            if (due == job.DueAt) continue;
            ctx.History(state, "TimerRescheduled", job.ActivityId, details: $"job {job.Id}: {Stamp(job.DueAt)} -> {Stamp(due)}");
            job.DueAt = due;
            job.Revision++;
            ctx.NoteJobDue(due);
        }
        foreach (var task in state.Tasks)
        {
            if (state.Model.Node(task.TaskDefinitionKey) is not UserTask { DueDate: { } expression } userTask) continue;
            var execution = state.Find(task.ExecutionId);
            var text = Expressions.ExpressionEvaluator.ToText(EvaluateOnTask(userTask, expression, "camunda:dueDate", state.VisibleVariables(execution)));
            var due = ToInstant(text, userTask.Id, "camunda:dueDate");
            if (due == task.DueDate) continue;
            ctx.History(state, "TaskDueDateChanged", userTask.Id, userTask.ElementType, task.ExecutionId, task.Id,
                details: $"{(task.DueDate is { } before ? Stamp(before) : "none")} -> {(due is { } after ? Stamp(after) : "none")}");
            task.DueDate = due;
        }
    }

    private DateTimeOffset EvaluateTimerDate(InstanceState state, ExecutionEntity? execution, string activityId, TimerEventDefinition timer)
    {
        object? value;
        try
        {
            value = Rt.Expressions.Evaluate(timer.Value, state.VisibleVariables(execution));
        }
        catch (Exception e) when (e is not ProcessEngineException)
        {
            throw new RejectedException($"Timer of '{activityId}': {e.Message}");
        }
        try
        {
            return value switch
            {
                DateTimeOffset date => date,
                string text => Timers.TimerDates.ParseDate(text, Rt.TimeZone),
                _ => throw new FormatException($"the value '{value}' is not a date"),
            };
        }
        catch (FormatException e)
        {
            throw new RejectedException($"Timer of '{activityId}': {e.Message}");
        }
    }

    private static string Stamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
