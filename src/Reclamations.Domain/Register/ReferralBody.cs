namespace Reclamations.Domain.Register;

/// <summary>The external bodies a complaint goes to or comes through.</summary>
public enum ReferralBody
{
    /// <summary>FR: La Médiation de l'Assurance.</summary>
    Mediator,

    /// <summary>LU: the Commissariat aux Assurances (extrajudicial complaint resolution, seed 004).</summary>
    Caa,
}
