using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Domain.Workflow;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Complaints;

/// <summary>Reopening a closed complaint: <c>POST /api/complaints/{id}/reopen</c> (Staff, ComplaintsOfficer; reason required).</summary>
public static class ReopeningApi
{
    public sealed record ReopenRequest(string? Reason, long? Revision);

    /// <summary>The complaint after reopening: its new deadlines and the workflow instance now watching them.</summary>
    public sealed record ReopenedResponse(Guid Id, string Reference, string Status, int ReopenCount, IReadOnlyList<DateOnly> ReopenedOn,
        DateOnly ClockStart, DateOnly ResponseDueDate, Guid? ProcessInstanceId, long Revision);

    public static IEndpointRouteBuilder MapReopeningApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/complaints/{id:guid}/reopen", ReopenAsync).WithName("ReopenComplaint").WithTags("Complaints")
            .WithSummary("Reopens a closed complaint (reason required): deadlines computed again from today with its recorded profile version, a new workflow instance watches them.")
            .RequireAuthorization(Policies.KeepsCaseFile)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<ReopenedResponse>> ReopenAsync(Guid id, ReopenRequest request, HttpContext http, ComplaintService service,
        CancellationToken ct)
    {
        var c = await service.ReopenAsync(id, request.Reason, http.GetActor(), request.Revision, ct);
        return TypedResults.Ok(new ReopenedResponse(c.Id, c.Reference, c.Status.ToString(), c.ReopenCount, c.ReopenedOn, c.ClockStart,
            c.ResponseDueDate, c.ProcessInstanceId, c.Revision));
    }
}
