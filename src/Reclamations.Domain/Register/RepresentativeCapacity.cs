namespace Reclamations.Domain.Register;

/// <summary>In what capacity a representative complains for the client (printed in the letters).</summary>
public enum RepresentativeCapacity
{
    /// <summary>Mandataire.</summary>
    Agent,

    /// <summary>Ayant droit.</summary>
    Heir,

    /// <summary>Représentant légal (tuteur, curateur…).</summary>
    LegalRepresentative,
}

public static class RepresentativeCapacities
{
    /// <summary>The French label printed in « en votre qualité de … ».</summary>
    public static string Label(RepresentativeCapacity capacity) => capacity switch
    {
        RepresentativeCapacity.Agent => "mandataire",
        RepresentativeCapacity.Heir => "ayant droit",
        _ => "représentant légal",
    };
}
