using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting.Annual;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.AnnualReports;

/// <summary>The annual documents' API (ComplaintsOfficer, Direction, ProcessOwner, Admin; figures only, no personal data):
/// <c>GET /api/reports/annual?year=&amp;profile=</c> (JSON figures), <c>/api/reports/annual.pdf</c> (the synthesis),
/// <c>/api/reports/annual/caa.pdf</c> and <c>/api/reports/annual.xlsx</c> (the CAA reporting), <c>/api/reports/insurers</c> and
/// <c>/api/reports/insurers/{insurer}.xlsx?year=</c>, the charts as PNG, the stored documents, the officer's analysis.</summary>
public static class AnnualReportApi
{
    public sealed record AnnualDocumentResponse(Guid Id, string Kind, string KindLabel, int Year, string Scope, string FileName, string ContentType,
        long Size, string Sha256, string FiguresSha256, int? AnalysisVersion, string GeneratedBy, DateTimeOffset GeneratedAt)
    {
        public static AnnualDocumentResponse From(AnnualDocument d) => new(d.Id, d.Kind, AnnualDocumentKinds.Labels.GetValueOrDefault(d.Kind) ?? d.Kind,
            d.Year, d.Scope, d.FileName, d.ContentType, d.Size, d.Sha256, d.FiguresSha256, d.AnalysisVersion, d.GeneratedBy, d.GeneratedAt);
    }

    public sealed record AnalysisVersionResponse(int Year, string Scope, int Version, string Text, string SavedBy, DateTimeOffset SavedAt);

    public sealed record AnalysisRequest(int? Year, string? Profile, string? Text, int? Version);

    public static IEndpointRouteBuilder MapAnnualReportApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.ReadsReports)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        reports.MapGet("/annual", FiguresAsync).WithName("AnnualFigures")
            .WithSummary("The year's figures for a profile, a jurisdiction or every profile (tous), as the register stood at the end of the year.");
        reports.MapGet("/annual.pdf", (int? year, string? profile, HttpContext http, AnnualDocumentGenerator generator, CancellationToken ct) =>
                FileAsync(http, generator.SynthesisPdfAsync(Year(year, http), profile, http.GetActor().Id, ct)))
            .WithName("AnnualSynthesisPdf").WithSummary("Generates and stores the annual synthesis (ACPR 2024-R-02 §8) as PDF.").Produces<Stream>(StatusCodes.Status200OK, "application/pdf");
        reports.MapGet("/annual/caa.pdf", (int? year, string? profile, HttpContext http, AnnualDocumentGenerator generator, CancellationToken ct) =>
                FileAsync(http, generator.CaaPdfAsync(Year(year, http), profile, http.GetActor().Id, ct)))
            .WithName("AnnualCaaPdf").WithSummary("Generates and stores the annual CAA reporting (default scope LU) as PDF.").Produces<Stream>(StatusCodes.Status200OK, "application/pdf");
        reports.MapGet("/annual.xlsx", (int? year, string? profile, HttpContext http, AnnualDocumentGenerator generator, CancellationToken ct) =>
                FileAsync(http, generator.CaaXlsxAsync(Year(year, http), profile, http.GetActor().Id, ct)))
            .WithName("AnnualCaaXlsx").WithSummary("Generates and stores the annual CAA reporting (default scope LU) as XLSX.").Produces<Stream>(StatusCodes.Status200OK, AnnualXlsx.ContentType);
        reports.MapGet("/annual/charts/{chart}.png", ChartAsync).WithName("AnnualChart")
            .WithSummary("One chart of the synthesis as PNG (par-mois, par-canal, delais, issues).").Produces<Stream>(StatusCodes.Status200OK, "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/annual/documents", DocumentsAsync).WithName("AnnualDocuments")
            .WithSummary("The annual documents generated, newest first: kind, year, scope, SHA-256, figures' hash, who and when.");
        reports.MapGet("/annual/documents/{id:guid}", DocumentAsync).WithName("AnnualDocument")
            .WithSummary("A stored annual document, as generated.").Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/annual/analysis", AnalysisAsync).WithName("AnnualAnalysis")
            .WithSummary("The versions of the complaints officer's analysis for a year and scope, newest first.");
        reports.MapPut("/annual/analysis", SaveAnalysisAsync).WithName("SaveAnnualAnalysis").RequireAuthorization(Policies.AnalysesComplaints)
            .WithSummary("Saves a new version of the analysis (version: the one the text started from, 0 for none).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapGet("/insurers", InsurersAsync).WithName("ReportInsurers")
            .WithSummary("The insurers named on the year's complaints (default: last year), with their counts.");
        reports.MapGet("/insurers/{insurer}.xlsx", (string insurer, int? year, HttpContext http, AnnualDocumentGenerator generator, CancellationToken ct) =>
                FileAsync(http, generator.InsurerXlsxAsync(year ?? LastYear(http), insurer, http.GetActor().Id, ct)))
            .WithName("InsurerReportXlsx").WithSummary("Generates and stores one partner insurer's report of the year's complaints about its contracts (default: last year).")
            .Produces<Stream>(StatusCodes.Status200OK, AnnualXlsx.ContentType);
        return app;
    }

    private static int Year(int? year, HttpContext http) => year ?? LastYear(http);

    private static int LastYear(HttpContext http) =>
        Reclamations.Engine.Api.ZonedTime.InZone(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), Shared.FrenchDates.Zone).Year - 1;

    private static async Task<Ok<AnnualFigures>> FiguresAsync(int? year, string? profile, HttpContext http, AnnualReporting reporting, CancellationToken ct) =>
        TypedResults.Ok(await reporting.FiguresAsync(Year(year, http), profile, ct));

    private static async Task<IResult> FileAsync(HttpContext http, Task<AnnualDocument> generation)
    {
        var document = await generation;
        http.Response.Headers["X-Content-SHA256"] = document.Sha256;
        http.Response.Headers["X-Document-Id"] = document.Id.ToString();
        return Results.File(document.Content, document.ContentType, document.FileName);
    }

    private static async Task<IResult> ChartAsync(string chart, int? year, string? profile, HttpContext http, AnnualReporting reporting,
        AnnualDocumentGenerator generator, CancellationToken ct)
    {
        if (!AnnualCharts.Titles.ContainsKey(chart))
            throw new ComplaintNotFoundException($"Graphique inconnu : « {chart} » (attendu : {string.Join(", ", AnnualCharts.Titles.Keys)}).");
        var figures = await reporting.FiguresAsync(Year(year, http), profile, ct);
        return Results.File(AnnualCharts.Render(chart, figures, generator.FontDirectory), "image/png");
    }

    private static async Task<Ok<List<AnnualDocumentResponse>>> DocumentsAsync(AnnualDocumentStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(200, ct)).Select(AnnualDocumentResponse.From).ToList());

    private static async Task<IResult> DocumentAsync(Guid id, HttpContext http, AnnualDocumentStore store, CancellationToken ct) =>
        await FileAsync(http, store.GetAsync(id, ct));

    private static async Task<Ok<List<AnalysisVersionResponse>>> AnalysisAsync(int? year, string? profile, HttpContext http, AnnualReporting reporting,
        AnnualAnalysisStore analyses, CancellationToken ct)
    {
        var scope = await reporting.ScopeAsync(Year(year, http), profile, ct);
        return TypedResults.Ok((await analyses.VersionsAsync(scope.Year, scope.Scope, ct)).Select(Response).ToList());
    }

    private static async Task<Ok<AnalysisVersionResponse>> SaveAnalysisAsync([FromBody] AnalysisRequest request, HttpContext http, AnnualReporting reporting,
        AnnualAnalysisStore analyses, CancellationToken ct)
    {
        if (request.Year is null) throw new RegisterValidationException([new("year", "L'année de l'analyse est obligatoire.")]);
        var scope = await reporting.ScopeAsync(request.Year.Value, request.Profile, ct);
        return TypedResults.Ok(Response(await analyses.SaveAsync(scope.Year, scope.Scope, request.Text, request.Version, http.GetActor().Id, ct)));
    }

    private static AnalysisVersionResponse Response(AnnualAnalysisVersion v) => new(v.Year, v.Scope, v.Version, v.Text, v.SavedBy, v.SavedAt);

    private static async Task<Ok<IReadOnlyList<InsurerCount>>> InsurersAsync(int? year, HttpContext http, AnnualReporting reporting, CancellationToken ct) =>
        TypedResults.Ok(await reporting.InsurersAsync(year ?? LastYear(http), ct));
}
