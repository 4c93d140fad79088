using Reclamations.Domain.Register;

namespace Reclamations.Web.Complaints;

/// <summary>The French words of a corrective action's type and status, as the pages and exports show them.</summary>
public static class CorrectiveActionLabels
{
    public static string Of(CorrectiveActionType type) => type switch
    {
        CorrectiveActionType.Training => "Formation",
        CorrectiveActionType.Procedure => "Procédure",
        CorrectiveActionType.Product => "Produit",
        CorrectiveActionType.StaffMeasure => "Mesure concernant un collaborateur",
        _ => type.ToString(),
    };

    public static string Of(CorrectiveActionStatus status) => status switch
    {
        CorrectiveActionStatus.Open => "En cours",
        CorrectiveActionStatus.Done => "Réalisée",
        CorrectiveActionStatus.Cancelled => "Abandonnée",
        _ => status.ToString(),
    };
}

/// <summary>What the list of a complaint's corrective actions shows: the actions and the names of their owners.</summary>
public sealed record CorrectiveActionList(IReadOnlyList<CorrectiveAction> Actions, IReadOnlyDictionary<string, string> Names);
