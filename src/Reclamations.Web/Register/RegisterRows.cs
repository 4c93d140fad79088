using System.Security.Claims;
using Reclamations.Domain.Register;
using Reclamations.Web.Accounts;
using Reclamations.Web.Shared;

namespace Reclamations.Web.Register;

/// <summary>A complaint as a row of the register (page and exports), with French column names. Personal data
/// (complainant's name) is masked for readers who do not handle complaints (the process owner).</summary>
public static class RegisterRows
{
    public const string Masked = "(masqué)";

    public static bool SeesPersonalData(ClaimsPrincipal user) => Policies.ComplaintHandlers.Any(user.IsInRole);

    public static Dictionary<string, object?> ToRow(Complaint c, bool personalData) => ToRow(c, personalData, new HashSet<string>());

    /// <summary>The same for a reader holding <paramref name="groups"/>: everyone sees the litigation's dates; the litigation's
    /// readers (LegalPartner, Direction) also get its details' columns, each row as <see cref="LitigationDetails"/> allows.</summary>
    public static Dictionary<string, object?> ToRow(Complaint c, bool personalData, IReadOnlySet<string> groups)
    {
        var row = Row(c, personalData);
        row["Contentieux depuis le"] = c.LitigationStartedAt is { } started ? FrenchDates.Day(started) : "";
        row["Contentieux terminé le"] = c.LitigationEndedAt is { } ended ? FrenchDates.Day(ended) : "";
        if (LitigationDetails.ReaderOfLitigation(groups))
        {
            var visible = LitigationDetails.For(c, groups);
            row["Sinistre chez l'assureur"] = visible.LitigationClaimReference ?? "";
            row["Avocat"] = visible.LitigationCounsel ?? "";
            row["Issue du contentieux"] = visible.LitigationOutcome ?? "";
        }
        return row;
    }

    private static Dictionary<string, object?> Row(Complaint c, bool personalData) => new()
    {
        ["Référence"] = c.Reference,
        ["Reçue le"] = FrenchDates.Day(c.ReceivedAt),
        ["Envoyée le"] = c.SentAt is { } sent ? FrenchDates.Day(sent) : "",
        ["Canal"] = RegisterLabels.Channel(c.Channel),
        ["Réclamant"] = personalData ? c.Complainant.Name : Masked,
        ["Objet"] = c.Subject,
        ["Catégorie"] = c.Category,
        ["Profil"] = c.ProfileCode,
        ["Statut"] = RegisterLabels.Status(c.Status),
        ["Accusé de réception avant le"] = FrenchDates.Day(c.AcknowledgementDueDate),
        ["Accusé de réception le"] = c.AcknowledgedAt is { } ack ? FrenchDates.Day(ack) : "",
        ["Réponse avant le"] = FrenchDates.Day(c.ResponseDueDate),
        ["Réponse le"] = c.AnsweredAt is { } answered ? FrenchDates.Day(answered) : "",
        ["Issue"] = c.Outcome ?? "",
        ["Dépassements de délai"] = string.Join(", ", c.DeadlineBreaches),
        ["Clôturée le"] = c.ClosedAt is { } closed ? FrenchDates.Day(closed) : "",
        // A reopened complaint stays one row (counted once), flagged with its reopenings.
        ["Rouverte"] = c.ReopenCount == 0 ? "" : $"{c.ReopenCount} fois ({string.Join(", ", c.ReopenedOn.Select(d => FrenchDates.Day(d)))})",
        ["Représentant"] = c.Representative is not { } r ? "" : personalData ? $"{r.Name} ({RepresentativeCapacities.Label(r.Capacity)})" : Masked,
        ["Transmise par"] = c.ReceivedThrough switch
        {
            ReferralBody.Caa => $"CAA ({c.ReceivedThroughReference})",
            ReferralBody.Mediator => $"Médiateur ({c.ReceivedThroughReference})",
            _ => "",
        },
    };
}
