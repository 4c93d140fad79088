namespace Reclamations.Domain.Register;

/// <summary>
/// Register query. Dates are local dates in the firm's time zone, both bounds included.
/// <see cref="Overdue"/>: the response due date has passed (as of now in the firm's zone) and no answer was given.
/// </summary>
public sealed record ComplaintFilter
{
    public ComplaintStatus? Status { get; init; }

    public string? Category { get; init; }

    public string? Profile { get; init; }

    public DateOnly? ReceivedFrom { get; init; }

    public DateOnly? ReceivedTo { get; init; }

    public bool? Overdue { get; init; }
}
