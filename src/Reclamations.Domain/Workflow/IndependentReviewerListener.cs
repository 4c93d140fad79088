using Reclamations.Engine.Handlers;
using Reclamations.Engine.Runtime;

namespace Reclamations.Domain.Workflow;

/// <summary>The review must be independent: its assignee may be neither one of the persons the complaint is about
/// nor the handler of the original matter. Bound to the review task's assignment (claim, assign, or assignee expression).</summary>
public sealed class IndependentReviewerListener : ITaskListener
{
    public Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken)
    {
        var reviewer = context.Assignee?.Trim();
        if (string.IsNullOrEmpty(reviewer)) return Task.CompletedTask;
        if (context.Variables.GetValueOrDefault("personsInvolved") is IEnumerable<object?> persons &&
            persons.Any(p => Same(p as string, reviewer)))
            throw new RejectedException(
                $"« {reviewer} » ne peut pas examiner cette réclamation : la réclamation le ou la vise (revue indépendante obligatoire).");
        if (Same(context.Variables.GetValueOrDefault("handler") as string, reviewer))
            throw new RejectedException(
                $"« {reviewer} » ne peut pas examiner cette réclamation : il ou elle a traité le dossier d'origine (revue indépendante obligatoire).");
        return Task.CompletedTask;
    }

    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);
}
