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

/// <summary>A corrective action to record: <c>type</c> one of Training, Procedure, Product, StaffMeasure; <c>owner</c> a
/// user id of the firm; <c>dueDate</c> today or later.</summary>
public sealed record CorrectiveActionRequest(string? Type, string? Description, string? Owner, DateOnly? DueDate)
{
    public Reclamations.Domain.CorrectiveActions.NewCorrectiveAction ToInput()
    {
        var errors = new List<Reclamations.Domain.Register.FieldError>();
        if (!Enum.TryParse<Reclamations.Domain.Register.CorrectiveActionType>(Type, true, out var type) || !Enum.IsDefined(type))
            errors.Add(new("type", $"« {Type} » n'est pas un type d'action corrective ({string.Join(", ", Enum.GetNames<Reclamations.Domain.Register.CorrectiveActionType>())})."));
        if (DueDate is null) errors.Add(new("dueDate", "L'échéance de l'action corrective est obligatoire."));
        if (errors.Count > 0) throw new Reclamations.Domain.Register.RegisterValidationException(errors);
        return new(type, Description ?? "", Owner ?? "", DueDate!.Value);
    }
}

public sealed record CorrectiveActionStatusRequest(string? Status);

public sealed record CategoryResponse(string Code, string Label, string CaaType, string CaaTypeLabel, int SortOrder, bool IsActive)
{
    public static CategoryResponse From(Reclamations.Domain.Register.Category c) =>
        new(c.Code, c.Label, c.CaaType, Reclamations.Domain.Register.CaaComplaintTypes.Labels.GetValueOrDefault(c.CaaType, c.CaaType), c.SortOrder, c.IsActive);
}
