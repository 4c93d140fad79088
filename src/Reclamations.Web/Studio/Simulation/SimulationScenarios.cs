using Reclamations.Domain.Register;

namespace Reclamations.Web.Studio.Simulation;

/// <summary>The scenarios a simulation starts from: sample complaints (a French written complaint, a Luxembourg one, an
/// unfounded case whose forms lead to the reasoned rejection), or a copy of a real complaint with its complainant's and
/// representative's identity replaced (names, addresses, e-mails, phones) and its free texts left out.</summary>
public static class SimulationScenarios
{
    public const string FrenchWritten = "fr-ecrite";
    public const string Luxembourg = "lu";
    public const string Unfounded = "non-fondee";

    public static readonly IReadOnlyList<(string Code, string Label)> Presets =
    [
        (FrenchWritten, "Réclamation écrite (France, ACPR)"),
        (Luxembourg, "Réclamation (Luxembourg, CAA)"),
        (Unfounded, "Réclamation non fondée (France) : jusqu'au rejet motivé"),
    ];

    public const string AnonymousName = "Client Anonymisé";
    public const string AnonymousEmail = "client.anonymise@exemple.invalid";
    public const string AnonymousAddress = "1 rue de l'Exemple\n75001 Paris";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> CommonValues = new(StringComparer.Ordinal)
    {
        ["Task_Qualify"] = new Dictionary<string, string> { ["qualification"] = "complaint" },
    };

    /// <summary>A preset by code, its complaint received at <paramref name="startAt"/>; null for an unknown code.</summary>
    public static SimulationScenario? Preset(string code, DateTimeOffset startAt)
    {
        var label = Presets.FirstOrDefault(p => p.Code == code).Label;
        if (label is null) return null;
        var lu = code == Luxembourg;
        var complaint = new NewComplaint
        {
            Complainant = new NewComplainant
            {
                Name = lu ? "Marie Weber" : "Jean Martin", Kind = ComplainantKind.Client, Email = lu ? "marie.weber@exemple.invalid" : "jean.martin@exemple.invalid",
                PostalAddress = lu ? "12 rue de la Gare\nL-1611 Luxembourg" : "5 place d'Armes\n57000 Metz",
            },
            SentAt = DateOnly.FromDateTime(startAt.AddDays(-2).Date),
            ReceivedAt = startAt,
            Channel = ComplaintChannel.Courrier,
            Subject = code == Unfounded ? "Contestation d'un conseil en placement" : "Retard de remboursement d'un sinistre",
            Category = code == Unfounded ? "adviceQuality" : "contractOperations",
            ContractReference = "SIM-0001",
            Profile = lu ? "LU-CAA" : "FR-ACPR",
        };
        var values = new Dictionary<string, IReadOnlyDictionary<string, string>>(CommonValues, StringComparer.Ordinal);
        if (code == Unfounded)
        {
            values["Task_Review"] = new Dictionary<string, string>
            {
                ["reviewOutcome"] = "unfounded", ["findings"] = "Le conseil a été donné par écrit et signé par le client.",
            };
            values["Task_ExplainPosition"] = new Dictionary<string, string>
            {
                ["meetingDate"] = startAt.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["meetingSummary"] = "Appel au client : la position du cabinet lui a été expliquée.",
            };
            values["Task_DraftReasonedAnswer"] = new Dictionary<string, string>
            {
                ["answerSummary"] = "Le devoir de conseil a été respecté : la recommandation correspondait au profil déclaré.",
            };
        }
        return new SimulationScenario(code, label, complaint, startAt, values);
    }

    /// <summary>A copy of <paramref name="real"/> received at <paramref name="startAt"/>: its dates shifted with it, its facts
    /// kept (category, channel, profile, persons of the firm involved, handler), the complainant and representative
    /// replaced by placeholders, description and other free texts left out.</summary>
    public static SimulationScenario AnonymisedCopy(Complaint real, DateTimeOffset startAt)
    {
        ArgumentNullException.ThrowIfNull(real);
        var shift = startAt - real.ReceivedAt;
        var complaint = new NewComplaint
        {
            Complainant = new NewComplainant
            {
                Name = AnonymousName, Kind = real.Complainant.Kind,
                Email = real.Complainant.Email is null ? null : AnonymousEmail,
                PostalAddress = real.Complainant.PostalAddress is null && real.Complainant.Email is not null ? null : AnonymousAddress,
            },
            Representative = real.Representative is null ? null : new NewRepresentative
            {
                Name = "Représentant Anonymisé", Capacity = real.Representative.Capacity,
                Email = real.Representative.Email is null ? null : "representant.anonymise@exemple.invalid",
                PostalAddress = real.Representative.PostalAddress is null ? null : "2 rue de l'Exemple\n75001 Paris",
            },
            SentAt = real.SentAt is { } sent ? DateOnly.FromDateTime(sent.ToDateTime(TimeOnly.MinValue).Add(shift)) : null,
            ReceivedAt = startAt,
            Channel = real.Channel,
            IsOral = real.IsOral,
            Subject = $"Copie anonymisée de {real.Reference}",
            Category = real.Category,
            ProductOrService = real.ProductOrService,
            Insurer = real.Insurer,
            PersonsInvolved = real.PersonsInvolved,
            Handler = real.Handler,
            ReceivedThrough = real.ReceivedThrough,
            Profile = real.ProfileCode,
        };
        return new SimulationScenario("copie", $"Copie anonymisée de {real.Reference}", complaint, startAt, CommonValues);
    }
}
