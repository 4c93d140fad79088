namespace Reclamations.Domain.Reporting.Annual;

/// <summary>One saved version of the complaints officer's free-text analysis for a year and scope (append-only).</summary>
public sealed class AnnualAnalysisVersion
{
    public long Id { get; init; }

    public int Year { get; init; }

    public required string Scope { get; init; }

    public int Version { get; init; }

    public required string Text { get; init; }

    public required string SavedBy { get; init; }

    public DateTimeOffset SavedAt { get; init; }
}
