namespace Reclamations.Web.Tests.Complaints;

internal static class ComplaintRequests
{
    public static object New(string profile, DateTimeOffset receivedAt, bool oral = false, string? email = "claire.durand@example.org",
        string? sentAt = null) => new
    {
        complainant = new { name = "Mme Claire Durand", kind = "Client", email, postalAddress = "12 rue des Lilas\n54000 Nancy", phone = "0600000000" },
        sentAt,
        receivedAt,
        channel = oral ? "Telephone" : "Courrier",
        isOral = oral,
        subject = "Refus de prise en charge d'un sinistre",
        description = "La cliente conteste le refus et reproche un défaut de conseil.",
        category = "adviceQuality",
        contractReference = "MRH-2024-118",
        productOrService = "Multirisque habitation",
        insurer = "Assureur Exemple",
        personsInvolved = new[] { "paul.martin" },
        otherParties = new[] { "Assureur Exemple" },
        usualContact = "paul.martin",
        handler = "julie.roux",
        profile,
    };
}
