using Reclamations.Engine.Expressions;
using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Timers;

namespace Reclamations.Engine.Runtime;

/// <summary>At deployment: every literal timer cycle must parse (ISO 8601 R[n]/[start/]period or a Quartz cron) and must
/// not fire more often than <see cref="EngineOptions.MinimumCyclePeriod"/>; a cycle given by an expression is checked
/// when it is evaluated.</summary>
internal static class TimerCycleCheck
{
    public static IEnumerable<BpmnValidationError> Check(ProcessModel model, DateTimeOffset now, TimeZoneInfo zone, TimeSpan floor)
    {
        foreach (var node in model.NodesById.Values)
        {
            if (node is not EventNode { EventDefinition: TimerEventDefinition { Kind: TimerKind.Cycle, Value: var text } }
                || ExpressionEvaluator.IsExpression(text))
                continue;
            string? problem = null;
            try
            {
                EnsureAboveFloor(text, now, zone, floor);
            }
            catch (FormatException e)
            {
                problem = e.Message;
            }
            if (problem is not null)
                yield return new BpmnValidationError(node.Id, $"Element '{node.Id}' of type {node.ElementType}: timer cycle {problem}");
        }
    }

    /// <exception cref="FormatException">The cycle is invalid, or fires more often than <paramref name="floor"/>.</exception>
    public static void EnsureAboveFloor(string text, DateTimeOffset now, TimeZoneInfo zone, TimeSpan floor)
    {
        var shortest = CycleSchedule.ShortestPeriod(text, now, zone);
        if (shortest < floor)
            throw new FormatException($"'{text}' fires every {Describe(shortest)}, more often than the minimum period of {Describe(floor)} "
                + "(EngineOptions.MinimumCyclePeriod)");
    }

    private static string Describe(TimeSpan span) => span.TotalSeconds < 60 ? $"{span.TotalSeconds:0.###} s" : $"{span.TotalMinutes:0.###} min";
}
