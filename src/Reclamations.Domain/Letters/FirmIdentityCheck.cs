namespace Reclamations.Domain.Letters;

/// <summary>Whether the firm's identity may go on a letter: every mandatory mention filled and none left at the shipped
/// placeholder. Each problem names the setting (its configuration key, as the settings page and the API name it too).</summary>
public static class FirmIdentityCheck
{
    /// <summary>The identity the application ships with when nothing is configured: never valid on a letter.</summary>
    public static FirmSettings Placeholder { get; } = new(
        Name: "Cabinet Exemple Courtage",
        Address: ["1 rue de l'Exemple", "75001 Paris"],
        OriasNumber: "00 000 000",
        RegistrationNumber: null,
        ComplaintsContactName: "Service Réclamations",
        ComplaintsContactEmail: "reclamations@cabinet-exemple.fr",
        Phone: "01 00 00 00 00") { ComplaintsContactTitle = "Responsable réclamations" };

    /// <summary>The problems, empty when the identity is complete.</summary>
    public static IReadOnlyList<string> Problems(FirmSettings firm)
    {
        var problems = new List<string>();
        void Check(string key, string label, string? value, string? placeholder)
        {
            if (string.IsNullOrWhiteSpace(value)) problems.Add($"Firm:{key} ({label}) n'est pas renseigné");
            else if (IsPlaceholder(value, placeholder)) problems.Add($"Firm:{key} ({label}) est une valeur fictive « {value} »");
        }
        Check("Name", "raison sociale", firm.Name, Placeholder.Name);
        var address = string.Join(", ", firm.Address ?? []);
        Check("Address", "adresse postale", address, string.Join(", ", Placeholder.Address));
        if (string.IsNullOrWhiteSpace(firm.OriasNumber) && string.IsNullOrWhiteSpace(firm.RegistrationNumber))
            problems.Add("Firm:OriasNumber (n° ORIAS) ou Firm:RegistrationNumber (immatriculation) n'est pas renseigné");
        else if (!string.IsNullOrWhiteSpace(firm.OriasNumber) && (IsPlaceholder(firm.OriasNumber, Placeholder.OriasNumber)
                                                                 || firm.OriasNumber.All(c => c is '0' or ' ')))
            problems.Add($"Firm:OriasNumber (n° ORIAS) est une valeur fictive « {firm.OriasNumber} »");
        Check("ComplaintsContactName", "responsable des réclamations", firm.ComplaintsContactName, Placeholder.ComplaintsContactName);
        Check("ComplaintsContactTitle", "fonction du responsable des réclamations", firm.ComplaintsContactTitle, null);
        Check("ComplaintsContactEmail", "adresse de courriel des réclamations", firm.ComplaintsContactEmail, Placeholder.ComplaintsContactEmail);
        Check("Phone", "téléphone", firm.Phone, Placeholder.Phone);
        return problems;
    }

    private static bool IsPlaceholder(string value, string? placeholder) =>
        (placeholder is not null && string.Equals(value.Trim(), placeholder, StringComparison.OrdinalIgnoreCase))
        || value.Contains("exemple", StringComparison.OrdinalIgnoreCase)
        || value.Contains("example", StringComparison.OrdinalIgnoreCase);
}
