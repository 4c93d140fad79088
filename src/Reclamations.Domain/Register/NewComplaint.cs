namespace Reclamations.Domain.Register;

/// <summary>
/// A complaint as entered at registration (API body). Fields are nullable so that a missing one is
/// reported by name rather than defaulted. Required: complainant.name, complainant.kind, receivedAt,
/// channel, subject, profile, category.
/// </summary>
public sealed record NewComplaint
{
    public NewComplainant? Complainant { get; init; }

    /// <summary>The date the first written complaint was sent, when known; not after the receipt date.</summary>
    public DateOnly? SentAt { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public ComplaintChannel? Channel { get; init; }

    public bool IsOral { get; init; }

    public string? Subject { get; init; }

    public string? Description { get; init; }

    /// <summary>Category code.</summary>
    public string? Category { get; init; }

    public string? ContractReference { get; init; }

    public string? ProductOrService { get; init; }

    public string? Insurer { get; init; }

    public IReadOnlyList<string>? PersonsInvolved { get; init; }

    public IReadOnlyList<string>? OtherParties { get; init; }

    public string? UsualContact { get; init; }

    public string? Handler { get; init; }

    public string? Reviewer { get; init; }

    /// <summary>The representative (mandataire, ayant droit) who makes the complaint for the client, if any: letters go to them.</summary>
    public NewRepresentative? Representative { get; init; }

    /// <summary>The complaint reached the firm through the mediator or the CAA (with their reference), if so.</summary>
    public ReferralBody? ReceivedThrough { get; init; }

    public string? ReceivedThroughReference { get; init; }

    /// <summary>Deadline profile code, e.g. <c>FR-ACPR</c>.</summary>
    public string? Profile { get; init; }
}
