namespace Reclamations.Web.Complaints;

public sealed record ComplainantRequest(string? Name, string? Kind, string? Email, string? PostalAddress, string? Phone);

public sealed record RegisterComplaintRequest(
    ComplainantRequest? Complainant,
    DateOnly? SentAt,
    DateTimeOffset? ReceivedAt,
    string? Channel,
    bool? IsOral,
    string? Subject,
    string? Description,
    string? Category,
    string? ContractReference,
    string? ProductOrService,
    string? Insurer,
    List<string>? PersonsInvolved,
    List<string>? OtherParties,
    string? UsualContact,
    string? Handler,
    string? Profile,
    RepresentativeRequest? Representative = null,
    string? ReceivedThrough = null,
    string? ReceivedThroughReference = null);

/// <summary>Who complains for the client (mandataire, ayant droit, représentant légal): capacity <c>Agent</c> | <c>Heir</c> |
/// <c>LegalRepresentative</c>; an e-mail or a postal address is required (the letters go to them).</summary>
public sealed record RepresentativeRequest(string? Name, string? Capacity, string? Email, string? PostalAddress, string? Phone);

public sealed record RegisterComplaintResponse(Guid Id, string Reference, DateOnly AcknowledgementDueDate, DateOnly ResponseDueDate,
    Guid? ProcessInstanceId, string Status);

/// <param name="LegalThreat">The client announces legal action or a referral to the regulator (seed 000): opens the litigation branch.</param>
public sealed record ClientReplyRequest(bool? Satisfied, string? Comment, bool? LegalThreat = null);

public sealed record ClientReplyResponse(int Correlated);

public sealed record CorrectiveActionRequest(string? Description, string? Owner, DateOnly? DueDate);

public sealed record CorrectiveActionStatusRequest(string? Status);

public sealed record CategoryResponse(string Code, string Label, string CaaType, string CaaTypeLabel, int SortOrder, bool IsActive)
{
    public static CategoryResponse From(Reclamations.Domain.Register.Category c) =>
        new(c.Code, c.Label, c.CaaType, Reclamations.Domain.Register.CaaComplaintTypes.Labels.GetValueOrDefault(c.CaaType, c.CaaType), c.SortOrder, c.IsActive);
}
