namespace Reclamations.Domain.Register;

/// <summary>One invalid input field: <paramref name="Field"/> is the camelCase JSON path (e.g. <c>complainant.name</c>),
/// <paramref name="Message"/> is French.</summary>
public sealed record FieldError(string Field, string Message);
