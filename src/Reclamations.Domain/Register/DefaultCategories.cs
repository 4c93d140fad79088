namespace Reclamations.Domain.Register;

/// <summary>The categories seeded in a new register (the seven CAA types of seed 004, each mapped to itself).</summary>
public static class DefaultCategories
{
    public static IReadOnlyList<Category> All { get; } =
    [
        new() { Code = "product", Label = "Produit / contrat", SortOrder = 10, CaaType = "product" },
        new() { Code = "adviceQuality", Label = "Qualité du conseil", SortOrder = 20, CaaType = "adviceQuality" },
        new() { Code = "distribution", Label = "Commercialisation", SortOrder = 30, CaaType = "distribution" },
        new() { Code = "contractOperations", Label = "Gestion du contrat / sinistre", SortOrder = 40, CaaType = "contractOperations" },
        new() { Code = "kycCompliance", Label = "KYC / conformité", SortOrder = 50, CaaType = "kycCompliance" },
        new() { Code = "regulation", Label = "Réglementation, dont RGPD", SortOrder = 60, CaaType = "regulation" },
        new() { Code = "conflictsOfInterest", Label = "Conflits d'intérêts", SortOrder = 70, CaaType = "conflictsOfInterest" },
    ];
}
