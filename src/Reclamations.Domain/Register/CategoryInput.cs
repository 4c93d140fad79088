namespace Reclamations.Domain.Register;

/// <summary>A category as entered by Admin (create: every field but <see cref="IsActive"/>; update: the code is the route's).</summary>
public sealed record CategoryInput(string? Code, string? Label, string? CaaType, int? SortOrder, bool? IsActive);
