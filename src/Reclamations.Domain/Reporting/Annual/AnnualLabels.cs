using Reclamations.Domain.Register;

namespace Reclamations.Domain.Reporting.Annual;

/// <summary>The French labels of the annual documents.</summary>
public static class AnnualLabels
{
    public static string Channel(ComplaintChannel channel) => channel switch
    {
        ComplaintChannel.Courrier => "Courrier",
        ComplaintChannel.Email => "Courriel",
        ComplaintChannel.Telephone => "Téléphone",
        ComplaintChannel.Agence => "Agence",
        ComplaintChannel.FormulaireWeb => "Formulaire web",
        _ => channel.ToString(),
    };

    /// <summary>The outcome codes of the figures, in order.</summary>
    public static IReadOnlyList<(string Code, string Label)> Outcomes { get; } =
    [
        ("founded", "Fondée"), ("partlyFounded", "Partiellement fondée"), ("unfounded", "Non fondée"), ("litigation", "Contentieux"),
        ("notComplaint", "Non constitutive d'une réclamation"), ("pending", "En cours au terme de la période"),
    ];

    public static string Outcome(string? code) =>
        Outcomes.FirstOrDefault(o => o.Code == (code == "legalThreat" ? "litigation" : code)).Label ?? code ?? "En cours";

    public static string Breach(string code) => code switch
    {
        "acknowledgement" => "Accusé de réception",
        "response" => "Réponse",
        "responseDuringLitigation" => "Réponse (dépassement pendant contentieux)",
        "secondLevel" => "Second niveau",
        _ => code,
    };

    public static string ActionType(CorrectiveActionType type) => type switch
    {
        CorrectiveActionType.Training => "Formation",
        CorrectiveActionType.Procedure => "Procédure",
        CorrectiveActionType.Product => "Produit",
        CorrectiveActionType.StaffMeasure => "Mesure individuelle",
        _ => type.ToString(),
    };

    public static string ActionStatus(CorrectiveActionStatus status) => status switch
    {
        CorrectiveActionStatus.Open => "Prévue",
        CorrectiveActionStatus.Done => "Réalisée",
        CorrectiveActionStatus.Cancelled => "Abandonnée",
        _ => status.ToString(),
    };

    public static string YesNo(bool? value) => value switch { true => "Oui", false => "Non", null => "En cours" };
}
