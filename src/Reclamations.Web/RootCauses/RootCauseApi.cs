using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting.RootCauses;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.RootCauses;

/// <summary>Root-cause analysis: the list of causes (read by any signed-in user; edited by the complaints officer and Admin,
/// every edit recorded), a complaint's causes and "systemic" flag (the complaints officer; audited on the complaint), a cause's
/// corrective actions, and the recurring causes over a period (the complaints officer and Direction).</summary>
public static class RootCauseApi
{
    public sealed record RootCauseRequest(string? Code, string? Label, string? Description, string? AffectedProcedures, int? SortOrder, bool? IsActive);

    public sealed record RootCauseResponse(string Code, string Label, string? Description, string? AffectedProcedures, int SortOrder, bool IsActive)
    {
        public static RootCauseResponse From(RootCause c) => new(c.Code, c.Label, c.Description, c.AffectedProcedures, c.SortOrder, c.IsActive);
    }

    public sealed record ComplaintRootCausesRequest(IReadOnlyList<string>? RootCauses, bool? Systemic, long? Revision);

    public sealed record ComplaintRootCausesResponse(Guid Id, string Reference, IReadOnlyList<string> RootCauses, bool Systemic, long Revision);

    public sealed record LinkRequest(Guid? CorrectiveActionId);

    public sealed record RootCauseChangeResponse(string Code, DateTimeOffset At, string User, string Action, string Details);

    public static IEndpointRouteBuilder MapRootCauseApi(this IEndpointRouteBuilder app)
    {
        var causes = app.MapGroup("/api/root-causes").WithTags("Root causes")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        causes.MapGet("/", ListAsync).RequireAuthorization().WithName("ListRootCauses")
            .WithSummary("The root causes (includeInactive: the deactivated ones too).");
        causes.MapPost("/", CreateAsync).RequireAuthorization(Policies.ManagesRootCauses).WithName("CreateRootCause")
            .WithSummary("Adds a root cause (code, label, description, procedures it may affect; recorded).").ProducesProblem(StatusCodes.Status400BadRequest);
        causes.MapPut("/{code}", UpdateAsync).RequireAuthorization(Policies.ManagesRootCauses).WithName("UpdateRootCause")
            .WithSummary("Changes a root cause (null: unchanged; recorded).").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        causes.MapGet("/history", HistoryAsync).RequireAuthorization(Policies.ManagesRootCauses).WithName("RootCauseHistory")
            .WithSummary("The latest edits of the root-cause list and links (who, when, what).");
        causes.MapPost("/{code}/actions", LinkAsync).RequireAuthorization(Policies.ManagesRootCauses).WithName("LinkRootCauseAction")
            .WithSummary("Links a corrective action to the cause (recorded).").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        causes.MapDelete("/{code}/actions/{actionId:guid}", UnlinkAsync).RequireAuthorization(Policies.ManagesRootCauses).WithName("UnlinkRootCauseAction")
            .WithSummary("Unlinks a corrective action from the cause (recorded).").ProducesProblem(StatusCodes.Status404NotFound);
        causes.MapGet("/analysis", AnalysisAsync).RequireAuthorization(Policies.AnalysesRootCauses).WithName("RootCauseAnalysis")
            .WithSummary("Recurring causes over a period (from, to; default the last 12 months): count, previous period, trend, actions; groups by cause, product and person involved.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapPut("/api/complaints/{id:guid}/root-causes", AssignAsync).RequireAuthorization(Policies.AnalysesComplaints).WithTags("Root causes")
            .WithName("SetComplaintRootCauses").WithSummary("Gives the complaint its root causes and the systemic flag (replacing them; audited).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Ok<List<RootCauseResponse>>> ListAsync(bool? includeInactive, RootCauseCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.ListAsync(includeInactive ?? false, ct)).Select(RootCauseResponse.From).ToList());

    private static async Task<Created<RootCauseResponse>> CreateAsync(RootCauseRequest request, HttpContext http, RootCauseCatalog catalog, CancellationToken ct)
    {
        var cause = await catalog.CreateAsync(Input(request), http.GetActor().Id, ct);
        return TypedResults.Created($"/api/root-causes/{cause.Code}", RootCauseResponse.From(cause));
    }

    private static async Task<Ok<RootCauseResponse>> UpdateAsync(string code, RootCauseRequest request, HttpContext http, RootCauseCatalog catalog,
        CancellationToken ct) =>
        TypedResults.Ok(RootCauseResponse.From(await catalog.UpdateAsync(code, Input(request), http.GetActor().Id, ct)));

    private static async Task<Ok<List<RootCauseChangeResponse>>> HistoryAsync(RootCauseCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.HistoryAsync(ct)).Select(c => new RootCauseChangeResponse(c.Code, c.At, c.User, c.Action, c.Details)).ToList());

    private static async Task<NoContent> LinkAsync(string code, LinkRequest request, HttpContext http, RootCauseCatalog catalog, CancellationToken ct)
    {
        if (request.CorrectiveActionId is not { } id)
            throw new RegisterValidationException([new("correctiveActionId", "L'identifiant de l'action corrective est obligatoire.")]);
        await catalog.LinkActionAsync(code, id, http.GetActor().Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> UnlinkAsync(string code, Guid actionId, HttpContext http, RootCauseCatalog catalog, CancellationToken ct)
    {
        await catalog.UnlinkActionAsync(code, actionId, http.GetActor().Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RootCauseReport>> AnalysisAsync(DateOnly? from, DateOnly? to, HttpContext http, RootCauseAnalysis analysis,
        TimeProvider time, CancellationToken ct)
    {
        var (start, end) = Period(from, to, time);
        return TypedResults.Ok(await analysis.AnalyseAsync(start, end, ct));
    }

    /// <summary>The period asked, by default the twelve months to today (the firm's day).</summary>
    /// <exception cref="RegisterValidationException">A date outside 2000–2100, or a start after the end (named).</exception>
    public static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, TimeProvider time)
    {
        var errors = new List<FieldError>();
        foreach (var (field, value) in new[] { ("from", from), ("to", to) })
            if (value is { Year: < 2000 or > 2100 }) errors.Add(new FieldError(field, $"La date {value:dd/MM/yyyy} n'est pas entre 2000 et 2100."));
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        var end = to ?? Reclamations.Engine.Api.ZonedTime.LocalDate(time.GetUtcNow(), Shared.FrenchDates.Zone);
        var start = from ?? end.AddYears(-1).AddDays(1);
        if (start > end) throw new RegisterValidationException([new FieldError("from", "Le début de la période est après sa fin.")]);
        return (start, end);
    }

    private static async Task<Ok<ComplaintRootCausesResponse>> AssignAsync(Guid id, ComplaintRootCausesRequest request, HttpContext http,
        RootCauseCatalog catalog, CancellationToken ct)
    {
        if (request.RootCauses is null) throw new RegisterValidationException([new("rootCauses", "La liste des causes est obligatoire (vide pour aucune).")]);
        var complaint = await catalog.AssignAsync(id, request.RootCauses, request.Systemic ?? false, http.GetActor().Id, request.Revision, ct);
        return TypedResults.Ok(new ComplaintRootCausesResponse(complaint.Id, complaint.Reference, complaint.RootCauses, complaint.Systemic, complaint.Revision));
    }

    private static RootCauseInput Input(RootCauseRequest r) => new(r.Code, r.Label, r.Description, r.AffectedProcedures, r.SortOrder, r.IsActive);
}
