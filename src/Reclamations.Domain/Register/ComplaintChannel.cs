namespace Reclamations.Domain.Register;

/// <summary>How the complaint reached the firm.</summary>
public enum ComplaintChannel
{
    Courrier,
    Email,
    Telephone,
    Agence,
    FormulaireWeb,
}
