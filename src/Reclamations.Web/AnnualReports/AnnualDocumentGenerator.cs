using Reclamations.Domain.Letters;
using Reclamations.Domain.Reporting.Annual;

namespace Reclamations.Web.AnnualReports;

/// <summary>Generates an annual document from the register's figures and stores it (bytes, SHA-256, figures' hash, who, when).</summary>
public sealed class AnnualDocumentGenerator(AnnualReporting reporting, AnnualAnalysisStore analyses, AnnualDocumentStore store,
    LetterSettingsStore settings, IConfiguration configuration)
{
    public string FontDirectory { get; } = configuration["Pdf:FontDirectory"] is { Length: > 0 } fonts ? fonts : Compliance.DejaVuFontResolver.DefaultDirectory;

    public async Task<AnnualDocument> SynthesisPdfAsync(int year, string? scope, string user, CancellationToken ct)
    {
        var figures = await reporting.FiguresAsync(year, scope, ct);
        var analysis = await analyses.LatestAsync(year, figures.Scope, ct);
        var bytes = SynthesisPdf.Render(figures, analysis, await FirmNameAsync(ct), FontDirectory);
        return await store.StoreAsync(AnnualDocumentKinds.SynthesisPdf, year, figures.Scope, $"synthese-annuelle-{year}-{figures.Scope}.pdf",
            "application/pdf", bytes, AnnualReporting.FiguresHash(figures), analysis?.Version, user, ct);
    }

    public async Task<AnnualDocument> CaaPdfAsync(int year, string? scope, string user, CancellationToken ct)
    {
        var (figures, rows) = await CaaFiguresAsync(year, scope, ct);
        var analysis = await analyses.LatestAsync(year, figures.Scope, ct);
        var bytes = CaaReportPdf.Render(figures, rows, analysis, await FirmNameAsync(ct));
        return await store.StoreAsync(AnnualDocumentKinds.CaaPdf, year, figures.Scope, $"reporting-caa-{year}-{figures.Scope}.pdf", "application/pdf",
            bytes, AnnualReporting.FiguresHash((figures, rows)), analysis?.Version, user, ct);
    }

    public async Task<AnnualDocument> CaaXlsxAsync(int year, string? scope, string user, CancellationToken ct)
    {
        var (figures, rows) = await CaaFiguresAsync(year, scope, ct);
        return await store.StoreAsync(AnnualDocumentKinds.CaaXlsx, year, figures.Scope, $"reporting-caa-{year}-{figures.Scope}.xlsx", AnnualXlsx.ContentType,
            AnnualXlsx.Caa(figures, rows), AnnualReporting.FiguresHash((figures, rows)), null, user, ct);
    }

    public async Task<AnnualDocument> InsurerXlsxAsync(int year, string insurer, string user, CancellationToken ct)
    {
        var rows = await reporting.InsurerRowsAsync(year, insurer, ct);
        var name = insurer.Trim();
        return await store.StoreAsync(AnnualDocumentKinds.InsurerXlsx, year, name, $"reclamations-{year}-{FileSafe(name)}.xlsx", AnnualXlsx.ContentType,
            AnnualXlsx.Insurer(rows), AnnualReporting.FiguresHash(rows), null, user, ct);
    }

    /// <summary>The CAA reporting's scope: the one asked, else Luxembourg's profiles.</summary>
    private async Task<(AnnualFigures, IReadOnlyList<AnnualComplaintRow>)> CaaFiguresAsync(int year, string? scope, CancellationToken ct)
    {
        var asked = string.IsNullOrWhiteSpace(scope) ? "LU" : scope;
        return (await reporting.FiguresAsync(year, asked, ct), await reporting.ComplaintRowsAsync(year, asked, ct));
    }

    private async Task<string> FirmNameAsync(CancellationToken ct) => (await settings.GetAsync(ct)).Firm.Name;

    private static string FileSafe(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        while (safe.Contains("--", StringComparison.Ordinal)) safe = safe.Replace("--", "-", StringComparison.Ordinal);
        return safe.Length == 0 ? "assureur" : safe[..Math.Min(60, safe.Length)];
    }
}
