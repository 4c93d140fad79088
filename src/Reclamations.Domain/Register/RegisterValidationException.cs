namespace Reclamations.Domain.Register;

/// <summary>The input was rejected; nothing was stored.</summary>
public sealed class RegisterValidationException(IReadOnlyList<FieldError> errors)
    : Exception("Saisie invalide : " + string.Join(" ; ", errors.Select(e => $"{e.Field} : {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
