namespace Reclamations.Domain.Register;

/// <summary>One page of the register: the filter, a text searched in reference, complainant and subject, the sort and
/// the page (<see cref="Take"/> at most <see cref="MaxTake"/>).</summary>
public sealed record RegisterPageQuery
{
    public const int MaxTake = 500;

    public ComplaintFilter Filter { get; init; } = new();
    public string? Search { get; init; }
    public RegisterSort Sort { get; init; } = RegisterSort.ReceivedAt;
    public bool Descending { get; init; } = true;
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

/// <summary>A page of complaints and how many match the query in all.</summary>
public sealed record RegisterPage(IReadOnlyList<Complaint> Items, int Total);
