namespace Reclamations.Domain.Reporting.RootCauses;

/// <summary>A root cause as entered (null: unchanged on an update).</summary>
public sealed record RootCauseInput(string? Code, string? Label, string? Description, string? AffectedProcedures, int? SortOrder, bool? IsActive);
