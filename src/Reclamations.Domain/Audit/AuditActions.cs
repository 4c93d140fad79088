namespace Reclamations.Domain.Audit;

/// <summary>The French labels of the audit actions written by the domain.</summary>
public static class AuditActions
{
    public const string Registered = "Enregistrement";
    public const string ProcessAttached = "Processus démarré";
    public const string DocumentAdded = "Document ajouté";
    public const string CorrectiveActionAdded = "Action corrective ajoutée";
    public const string CorrectiveActionUpdated = "Action corrective mise à jour";
    public const string AcknowledgementSent = "Accusé de réception envoyé";
    public const string LetterSent = "Courrier envoyé";
}
