using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Templates;

/// <summary>The studio's sample data: a complaint on a given profile with every date a letter prints, the process variables
/// every letter reads, and the anonymised copy of a real complaint (names, addresses, contacts and text replaced).</summary>
public static class TemplateSamples
{
    public const string AnonymousName = "Client anonymisé";
    private const string SampleAddress = "1 rue de l'Exemple\n75000 Paris";

    public static Complaint Complaint(DeadlineProfile profile) => new()
    {
        Reference = "REC-2026-00042",
        ProfileCode = profile.Code,
        Complainant = new Complainant { Name = "Madame Claire Exemple", PostalAddress = "12 rue des Lilas\n75011 Paris" },
        Subject = "retard de remboursement d'un sinistre habitation",
        Description = "Mon sinistre du 2 avril n'est toujours pas remboursé.",
        Channel = ComplaintChannel.Courrier,
        ReceivedAt = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.FromHours(2)),
        SentAt = new DateOnly(2026, 5, 2),
        ClockStart = new DateOnly(2026, 5, 2),
        AcknowledgementDueDate = new DateOnly(2026, 5, 18),
        ResponseDueDate = new DateOnly(2026, 7, 2),
        ExternalRecourseFrom = new DateOnly(2026, 7, 2),
        ExternalRecourseUntil = new DateOnly(2027, 5, 2),
        AnsweredAt = new DateTimeOffset(2026, 6, 25, 10, 0, 0, TimeSpan.FromHours(2)),
        AnswerCountersignedBy = profile.OfficerCountersignsAnswers ? "countersigner" : null,
    };

    /// <summary>The process variables the letters read (the forms' fields), all filled.</summary>
    public static IReadOnlyDictionary<string, object?> Variables { get; } = new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["answerSummary"] = "Le contrat prévoit une franchise de 300 euros.\n\nCette franchise a été appliquée conformément aux conditions particulières.",
        ["secondLevelSummary"] = "Après nouvel examen, nous confirmons l'application de la franchise.",
        ["meetingDate"] = "2026-06-20",
        ["thirdParty"] = "Assureur Exemple SA – service sinistres",
        ["delayReasons"] = "Nous attendons le rapport de l'expert mandaté par l'assureur.",
        ["expectedDate"] = "2026-07-31",
        ["offerText"] = "Nous vous proposons la prise en charge des frais de relance engagés.",
        ["offerAmount"] = 1234.5,
        ["insurerName"] = "Assureur RCP Exemple",
        ["policyNumber"] = "RCP-123456",
        ["findings"] = "Le client annonce une assignation devant le tribunal judiciaire.",
        ["declarationSummary"] = "Le client reproche un défaut de conseil lors de la souscription.",
        ["counselName"] = "Maître Anne Exemple",
        ["litigationAnswerText"] = "Un accord a été trouvé avec l'assureur.",
    };

    /// <summary>A copy of <paramref name="complaint"/> for a preview: its dates, subject, profile, channel and handler kept; the
    /// complainant's and the representative's names, addresses and contacts, and the complaint's text, replaced.</summary>
    public static Complaint Anonymised(Complaint complaint) => new()
    {
        Reference = complaint.Reference,
        ProfileCode = complaint.ProfileCode,
        ProfileVersion = complaint.ProfileVersion,
        Complainant = new Complainant { Name = AnonymousName, Kind = complaint.Complainant.Kind, PostalAddress = SampleAddress },
        Representative = complaint.Representative is { } representative
            ? new Representative { Name = "Représentant anonymisé", Capacity = representative.Capacity, PostalAddress = SampleAddress }
            : null,
        Subject = complaint.Subject,
        Description = complaint.Description is null ? null : "(texte de la réclamation, anonymisé)",
        Channel = complaint.Channel,
        IsOral = complaint.IsOral,
        Category = complaint.Category,
        Handler = complaint.Handler,
        ReceivedAt = complaint.ReceivedAt,
        SentAt = complaint.SentAt,
        ClockStart = complaint.ClockStart,
        AcknowledgementDueDate = complaint.AcknowledgementDueDate,
        ResponseDueDate = complaint.ResponseDueDate,
        AnswerExpectedOn = complaint.AnswerExpectedOn,
        ExternalRecourseFrom = complaint.ExternalRecourseFrom,
        ExternalRecourseUntil = complaint.ExternalRecourseUntil,
        SecondLevelDueDate = complaint.SecondLevelDueDate,
        AnsweredAt = complaint.AnsweredAt,
        AnswerCountersignedBy = complaint.AnswerCountersignedBy,
    };
}
