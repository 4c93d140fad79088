namespace Reclamations.Domain.Register;

/// <summary>A category that complaints use cannot be deleted (deactivate it instead).</summary>
public sealed class CategoryInUseException(string message) : Exception(message);
