namespace Reclamations.Domain.Register;

/// <summary>The categories seeded in a new register (ACPR examples and the KMC complaint types).</summary>
public static class DefaultCategories
{
    public static IReadOnlyList<Category> All { get; } =
    [
        new() { Code = "product", Label = "Produit / contrat", SortOrder = 10 },
        new() { Code = "adviceQuality", Label = "Qualité du conseil", SortOrder = 20 },
        new() { Code = "distribution", Label = "Commercialisation", SortOrder = 30 },
        new() { Code = "contractOperations", Label = "Gestion du contrat / sinistre", SortOrder = 40 },
        new() { Code = "kycCompliance", Label = "KYC / conformité", SortOrder = 50 },
        new() { Code = "regulation", Label = "Réglementation, dont RGPD", SortOrder = 60 },
        new() { Code = "conflictsOfInterest", Label = "Conflits d'intérêts", SortOrder = 70 },
    ];
}
