using Reclamations.Engine.Runtime;

namespace Reclamations.Domain.Workflow;

/// <summary>Who may not review a complaint (seeds 000, 003, 004): the persons it is about and the handler of the original
/// matter; for the second level, also whoever examined or approved the first level.</summary>
internal static class IndependenceRules
{
    public static void RequireIndependentOfComplaint(IReadOnlyDictionary<string, object?> variables, string reviewer)
    {
        if (variables.GetValueOrDefault("personsInvolved") is IEnumerable<object?> persons && persons.Any(p => Same(p as string, reviewer)))
            throw new RejectedException(
                $"« {reviewer} » ne peut pas examiner cette réclamation : la réclamation le ou la vise (revue indépendante obligatoire).");
        if (Same(variables.GetValueOrDefault("handler") as string, reviewer))
            throw new RejectedException(
                $"« {reviewer} » ne peut pas examiner cette réclamation : il ou elle a traité le dossier d'origine (revue indépendante obligatoire).");
    }

    public static void RequireIndependentOfFirstLevel(IReadOnlyDictionary<string, object?> variables, string reviewer)
    {
        if (Same(variables.GetValueOrDefault("reviewer") as string, reviewer)
            || variables.GetValueOrDefault("firstLevelDeciders") is IEnumerable<object?> deciders && deciders.Any(d => Same(d as string, reviewer)))
            throw new RejectedException(
                $"« {reviewer} » ne peut pas faire le réexamen de second niveau : il ou elle a examiné ou approuvé le premier niveau.");
    }

    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);
}
