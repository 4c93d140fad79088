namespace Reclamations.Domain.Register;

/// <summary>The complainant as entered; every field is checked by the register.</summary>
public sealed record NewComplainant
{
    public string? Name { get; init; }

    public ComplainantKind? Kind { get; init; }

    public string? Email { get; init; }

    public string? PostalAddress { get; init; }

    public string? Phone { get; init; }
}
