namespace Reclamations.Domain.Register;

/// <summary>The person who complains (stored with the complaint).</summary>
public sealed class Complainant
{
    public required string Name { get; set; }

    public ComplainantKind Kind { get; set; }

    public string? Email { get; set; }

    public string? PostalAddress { get; set; }

    public string? Phone { get; set; }
}
