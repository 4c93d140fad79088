namespace Reclamations.Domain.Register;

/// <summary>Who complains for the client (stored with the complaint): the letters are addressed to them.</summary>
public sealed class Representative
{
    public required string Name { get; set; }

    public RepresentativeCapacity Capacity { get; set; }

    public string? Email { get; set; }

    public string? PostalAddress { get; set; }

    public string? Phone { get; set; }
}
