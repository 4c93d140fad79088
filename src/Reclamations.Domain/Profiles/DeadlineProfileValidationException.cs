using Reclamations.Domain.Register;

namespace Reclamations.Domain.Profiles;

/// <summary>The profile was rejected; nothing was stored.</summary>
public sealed class DeadlineProfileValidationException(IReadOnlyList<FieldError> errors)
    : Exception("Profil de délais invalide : " + string.Join(" ; ", errors.Select(e => $"{e.Field} : {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
