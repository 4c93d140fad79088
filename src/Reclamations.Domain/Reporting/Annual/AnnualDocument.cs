namespace Reclamations.Domain.Reporting.Annual;

/// <summary>An annual document as generated (append-only): its bytes, their SHA-256, the SHA-256 of the figures it was built
/// from (the same year and scope give the same figures), who generated it and when.</summary>
public sealed class AnnualDocument
{
    public Guid Id { get; init; }

    /// <summary><see cref="AnnualDocumentKinds"/>.</summary>
    public required string Kind { get; init; }

    public int Year { get; init; }

    /// <summary>The profile or jurisdiction (synthesis, CAA report) or the insurer (insurer report).</summary>
    public required string Scope { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required byte[] Content { get; init; }

    public long Size { get; init; }

    /// <summary>Hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Hex SHA-256 of the figures' canonical JSON.</summary>
    public required string FiguresSha256 { get; init; }

    /// <summary>The version of the officer's analysis the synthesis included, if any.</summary>
    public int? AnalysisVersion { get; init; }

    public required string GeneratedBy { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }
}

/// <summary>The kinds of annual document.</summary>
public static class AnnualDocumentKinds
{
    public const string SynthesisPdf = "synthesis-pdf";
    public const string CaaPdf = "caa-pdf";
    public const string CaaXlsx = "caa-xlsx";
    public const string InsurerXlsx = "insurer-xlsx";

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SynthesisPdf] = "Synthèse annuelle (PDF)",
        [CaaPdf] = "Reporting annuel au CAA (PDF)",
        [CaaXlsx] = "Reporting annuel au CAA (XLSX)",
        [InsurerXlsx] = "Reporting à l'assureur partenaire (XLSX)",
    };
}
