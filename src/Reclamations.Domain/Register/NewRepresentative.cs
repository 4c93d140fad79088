namespace Reclamations.Domain.Register;

/// <summary>A representative as entered at intake: name, capacity and a way to reach them (e-mail or postal address).</summary>
public sealed record NewRepresentative
{
    public string? Name { get; init; }

    public RepresentativeCapacity? Capacity { get; init; }

    public string? Email { get; init; }

    public string? PostalAddress { get; init; }

    public string? Phone { get; init; }
}
