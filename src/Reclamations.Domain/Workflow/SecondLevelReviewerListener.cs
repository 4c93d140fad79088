using Reclamations.Engine.Handlers;

namespace Reclamations.Domain.Workflow;

/// <summary>The second-level review is independent of the complaint (as the first review) and of the first level: whoever
/// examined it or approved its answer (the <c>firstLevelDeciders</c> the first-level-decision listener records, and the
/// reviewer) may not give it. Bound to the second-level task's assignment.</summary>
public sealed class SecondLevelReviewerListener : ITaskListener
{
    public Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken)
    {
        var reviewer = context.Assignee?.Trim();
        if (string.IsNullOrEmpty(reviewer)) return Task.CompletedTask;
        IndependenceRules.RequireIndependentOfComplaint(context.Variables, reviewer);
        IndependenceRules.RequireIndependentOfFirstLevel(context.Variables, reviewer);
        return Task.CompletedTask;
    }
}
