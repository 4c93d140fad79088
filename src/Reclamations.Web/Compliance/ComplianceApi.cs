using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Retention;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Compliance;

public sealed record LegalHoldChange(bool Hold, string? Reason);

/// <summary>The routes of trust and retention. Verification, legal holds and the right of access: ComplaintsOfficer and
/// Admin (<see cref="Policies.Compliance"/>): the person responsible for complaints answers the supervisor and the
/// complainants, the administrator runs the system; the verification shows no personal data (row ids, sequence numbers,
/// field names). The inspector's export: those and Direction. Running the retention now: operators.</summary>
public static class ComplianceApi
{
    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/verify", async (IDbContextFactory<DomainDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            return TypedResults.Ok(await AuditVerifier.VerifyAsync(db, ct));
        }).WithTags("Compliance").WithName("VerifyAuditChain").WithSummary("Checks the audit chain and names the first broken row.")
            .RequireAuthorization(Policies.Compliance);

        app.MapPut("/api/complaints/{id:guid}/legal-hold", async (Guid id, LegalHoldChange request, HttpContext http, LegalHolds holds,
            CancellationToken ct) =>
        {
            var complaint = await holds.SetAsync(id, request.Hold, request.Reason, http.GetActor(), ct);
            return TypedResults.Ok(new LegalHoldResponse(complaint.Id, complaint.Reference, complaint.LegalHold, complaint.LegalHoldReason));
        }).WithTags("Compliance").WithName("SetComplaintLegalHold").WithSummary("Sets or clears a complaint's legal hold (reason required, audited).")
            .RequireAuthorization(Policies.Compliance);

        app.MapGet("/api/compliance/access-export", async (string? email, string? name, HttpContext http, AccessExport export,
            CancellationToken ct) =>
        {
            var result = await export.BuildAsync(email, name, http.GetActor(), ct);
            return result is { } zip
                ? Results.File(zip.Archive, "application/zip", zip.FileName)
                : Results.Problem(statusCode: 404, title: "Not found", detail: "Aucune réclamation ne correspond à ce réclamant (email, name).");
        }).WithTags("Compliance").WithName("AccessExport").WithSummary("Right of access (RGPD art. 15): everything held about one complainant, as a ZIP.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Compliance);

        app.MapGet("/api/complaints/{id:guid}/inspector-export", async (Guid id, HttpContext http, InspectorExport export, CancellationToken ct) =>
        {
            var (fileName, archive) = await export.BuildAsync(id, http.GetActor(), ct);
            return Results.File(archive, "application/zip", fileName);
        }).WithTags("Compliance").WithName("InspectorExport").WithSummary("One complaint's case file for an inspector, as a ZIP with a SHA-256 manifest.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip").RequireAuthorization(Policies.ExportsCaseFile);

        app.MapPost("/api/retention/run", async (ComplaintRetention retention, CancellationToken ct) =>
            TypedResults.Ok(await retention.RunAsync(ct: ct))).WithTags("Compliance").WithName("RunRetention")
            .WithSummary("Runs the retention of personal data now (operators).").RequireAuthorization(Policies.Operates);
        return app;
    }
}

/// <summary>A complaint's legal hold after a change.</summary>
public sealed record LegalHoldResponse(Guid Id, string Reference, bool LegalHold, string? LegalHoldReason);
