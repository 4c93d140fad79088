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
        }).WithTags("Compliance").RequireAuthorization(Policies.Compliance);

        app.MapPut("/api/complaints/{id:guid}/legal-hold", async (Guid id, LegalHoldChange request, HttpContext http, LegalHolds holds,
            CancellationToken ct) =>
        {
            var complaint = await holds.SetAsync(id, request.Hold, request.Reason, http.GetActor(), ct);
            return TypedResults.Ok(new { complaint.Id, complaint.Reference, complaint.LegalHold, complaint.LegalHoldReason });
        }).WithTags("Compliance").RequireAuthorization(Policies.Compliance);

        app.MapGet("/api/compliance/access-export", async (string? email, string? name, HttpContext http, AccessExport export,
            CancellationToken ct) =>
        {
            var result = await export.BuildAsync(email, name, http.GetActor(), ct);
            return result is { } zip
                ? Results.File(zip.Archive, "application/zip", zip.FileName)
                : Results.Problem(statusCode: 404, title: "Not found", detail: "Aucune réclamation ne correspond à ce réclamant (email, name).");
        }).WithTags("Compliance").RequireAuthorization(Policies.Compliance);

        app.MapGet("/api/complaints/{id:guid}/inspector-export", async (Guid id, HttpContext http, InspectorExport export, CancellationToken ct) =>
        {
            var (fileName, archive) = await export.BuildAsync(id, http.GetActor(), ct);
            return Results.File(archive, "application/zip", fileName);
        }).WithTags("Compliance").RequireAuthorization(Policies.ExportsCaseFile);

        app.MapPost("/api/retention/run", async (ComplaintRetention retention, CancellationToken ct) =>
            TypedResults.Ok(await retention.RunAsync(ct: ct))).WithTags("Compliance").RequireAuthorization(Policies.Operates);
        return app;
    }
}
