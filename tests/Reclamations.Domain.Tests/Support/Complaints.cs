using Reclamations.Domain.Register;

namespace Reclamations.Domain.Tests.Support;

/// <summary>Valid registration inputs to vary in tests.</summary>
internal static class Complaints
{
    public static NewComplaint Valid(DateTimeOffset? receivedAt = null, string profile = "FR-ACPR", string category = "adviceQuality") => new()
    {
        Complainant = new NewComplainant
        {
            Name = "Claire Martin",
            Kind = ComplainantKind.Client,
            Email = "claire.martin@example.fr",
            PostalAddress = "12 rue des Lilas, 54230 Neuves-Maisons",
            Phone = "03 83 40 29 13",
        },
        ReceivedAt = receivedAt ?? new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)),
        Channel = ComplaintChannel.Courrier,
        Subject = "Conseil inadapté sur le contrat d'assurance vie",
        Description = "La cliente estime ne pas avoir été informée des frais.",
        Category = category,
        ContractReference = "AV-2024-118",
        ProductOrService = "Assurance vie",
        Insurer = "Assureur Exemple SA",
        PersonsInvolved = ["Paul Durand"],
        OtherParties = ["Assureur Exemple SA"],
        UsualContact = "Paul Durand",
        Handler = "Sophie Bernard",
        Reviewer = "Magali Rousseau",
        Profile = profile,
    };
}
