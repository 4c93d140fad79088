namespace Reclamations.Engine.Runtime;

public sealed record FormFieldError(string FieldId, string Message);

/// <summary>Submitted values do not satisfy the task's <c>camunda:formData</c>.</summary>
public sealed class FormValidationException(IReadOnlyList<FormFieldError> errors)
    : ProcessEngineException("Invalid form: " + string.Join("; ", errors.Select(e => $"{e.FieldId}: {e.Message}")))
{
    public IReadOnlyList<FormFieldError> Errors { get; } = errors;
}
