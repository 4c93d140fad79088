namespace Reclamations.Domain.Register;

/// <summary>The seven complaint types of the CAA reporting (seed 004, "Registre électronique": « KMC a répertorié au moins
/// 7 types de réclamation pouvant être lié : au produit d'assurance, à la qualité du conseil du courtier, à la distribution
/// du contrat, au service relative aux opérations sur le contrat, au KYC client et compliance, à la règlementation (comme
/// GDPR), aux conflits d'intérêt »). Every category maps to one of them.</summary>
public static class CaaComplaintTypes
{
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["product"] = "Produit d'assurance",
        ["adviceQuality"] = "Qualité du conseil du courtier",
        ["distribution"] = "Distribution du contrat",
        ["contractOperations"] = "Service relatif aux opérations sur le contrat",
        ["kycCompliance"] = "KYC client et compliance",
        ["regulation"] = "Réglementation (dont RGPD)",
        ["conflictsOfInterest"] = "Conflits d'intérêts",
    };

    public static bool IsKnown(string? code) => code is not null && Labels.ContainsKey(code);
}
