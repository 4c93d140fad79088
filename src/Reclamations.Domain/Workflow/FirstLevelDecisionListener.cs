using Reclamations.Engine.Handlers;

namespace Reclamations.Domain.Workflow;

/// <summary>Records who took a first-level decision (the review, an approval of the offer, a validation of the answer) in
/// <c>firstLevelDeciders</c>, from the signed-in user completing the task (never from a form). Bound to those tasks' completion.</summary>
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
        return Task.CompletedTask;
    }
}
