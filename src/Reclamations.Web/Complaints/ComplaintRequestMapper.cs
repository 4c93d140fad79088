using Reclamations.Domain.Register;

namespace Reclamations.Web.Complaints;

/// <summary>API request → register input. Enum texts are checked here so that a bad value names its field.</summary>
internal static class ComplaintRequestMapper
{
    public static NewComplaint ToNewComplaint(RegisterComplaintRequest request)
    {
        var errors = new List<FieldError>();
        var kind = ParseEnum<ComplainantKind>(request.Complainant?.Kind, "complainant.kind", errors);
        var channel = ParseEnum<ComplaintChannel>(request.Channel, "channel", errors);
        var capacity = ParseEnum<RepresentativeCapacity>(request.Representative?.Capacity, "representative.capacity", errors);
        var through = ParseEnum<ReferralBody>(request.ReceivedThrough, "receivedThrough", errors);
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        return new NewComplaint
        {
            Complainant = request.Complainant is null
                ? null
                : new NewComplainant
                {
                    Name = request.Complainant.Name, Kind = kind, Email = request.Complainant.Email,
                    PostalAddress = request.Complainant.PostalAddress, Phone = request.Complainant.Phone,
                },
            SentAt = request.SentAt,
            ReceivedAt = request.ReceivedAt,
            Channel = channel,
            IsOral = request.IsOral ?? false,
            Subject = request.Subject,
            Description = request.Description,
            Category = request.Category,
            ContractReference = request.ContractReference,
            ProductOrService = request.ProductOrService,
            Insurer = request.Insurer,
            PersonsInvolved = request.PersonsInvolved,
            OtherParties = request.OtherParties,
            UsualContact = request.UsualContact,
            Handler = request.Handler,
            Profile = request.Profile,
            Representative = request.Representative is { } r
                ? new NewRepresentative { Name = r.Name, Capacity = capacity, Email = r.Email, PostalAddress = r.PostalAddress, Phone = r.Phone }
                : null,
            ReceivedThrough = through,
            ReceivedThroughReference = request.ReceivedThroughReference,
        };
    }

    internal static T? ParseEnum<T>(string? text, string field, List<FieldError> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)) return value;
        errors.Add(new FieldError(field, $"« {text} » n'est pas une valeur permise ({string.Join(", ", Enum.GetNames<T>())})."));
        return null;
    }
}
