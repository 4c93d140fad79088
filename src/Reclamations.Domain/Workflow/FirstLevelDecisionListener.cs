using Reclamations.Engine.Handlers;

namespace Reclamations.Domain.Workflow;

/// <summary>Records who took a first-level decision (the review, an approval of the offer, a validation of the answer) in
/// <c>firstLevelDeciders</c>, from the signed-in user completing the task (never from a form). Bound to those tasks' completion.
/// Each decision is also kept per task in <c>firstLevelDecisions</c> (task id → <c>by</c>, <c>at</c>: the latest completion),
/// which the <c>record-answer</c> step writes into the register (e.g. who approved the offer for the partner and Direction).</summary>
public sealed class FirstLevelDecisionListener : ITaskListener
{
    public Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken)
    {
        var user = context.UserId ?? context.Assignee;
        if (string.IsNullOrWhiteSpace(user)) return Task.CompletedTask;
        var deciders = context.Variables.GetValueOrDefault("firstLevelDeciders") is IEnumerable<object?> known
            ? known.OfType<string>().ToList()
            : [];
        if (!deciders.Contains(user, StringComparer.OrdinalIgnoreCase)) deciders.Add(user);
        context.SetVariable("firstLevelDeciders", deciders.Cast<object?>().ToList());
        var decisions = context.Variables.GetValueOrDefault("firstLevelDecisions") is IReadOnlyDictionary<string, object?> previous
            ? new Dictionary<string, object?>(previous, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        decisions[context.ActivityId] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["by"] = user,
            ["at"] = context.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        context.SetVariable("firstLevelDecisions", decisions);
        return Task.CompletedTask;
    }
}
