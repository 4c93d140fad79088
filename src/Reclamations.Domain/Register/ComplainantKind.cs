namespace Reclamations.Domain.Register;

/// <summary>Who the complainant is to the firm (ACPR: a complaint can come from anyone, contract or not).</summary>
public enum ComplainantKind
{
    Client,
    FormerClient,
    Prospect,
    Beneficiary,

    /// <summary>A representative (mandataire) or an heir (ayant droit).</summary>
    RepresentativeOrHeir,
}
