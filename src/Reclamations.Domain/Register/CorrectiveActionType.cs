namespace Reclamations.Domain.Register;

/// <summary>The kinds of corrective measure seed 000 lists ("engagements, personnes, formation, politiques").</summary>
public enum CorrectiveActionType
{
    /// <summary>Formation des collaborateurs.</summary>
    Training,

    /// <summary>Procédure ou politique qualité.</summary>
    Procedure,

    /// <summary>Produit, contrat ou documentation commerciale.</summary>
    Product,

    /// <summary>Mesure concernant un collaborateur.</summary>
    StaffMeasure,
}
