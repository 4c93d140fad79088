using Reclamations.Engine.Handlers;

namespace Reclamations.Domain.Workflow;

/// <summary>The review must be independent: its assignee may be neither one of the persons the complaint is about
/// nor the handler of the original matter. Bound to the review task's assignment (claim, assign, or assignee expression).</summary>
public sealed class IndependentReviewerListener : ITaskListener
{
    public Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken)
    {
        var reviewer = context.Assignee?.Trim();
        if (!string.IsNullOrEmpty(reviewer)) IndependenceRules.RequireIndependentOfComplaint(context.Variables, reviewer);
        return Task.CompletedTask;
    }
}
