using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Complaints;

/// <summary>Correction of the dates a complaint's deadlines come from: <c>POST /api/complaints/{id}/dates</c>.</summary>
public static class ComplaintDatesApi
{
    /// <summary>The corrected dates (null: unchanged) and the reason, required.</summary>
    public sealed record DateCorrectionRequest(DateTimeOffset? ReceivedAt, DateOnly? SentAt, DateOnly? WrittenConfirmationSentAt, string? Reason,
        long? Revision);

    /// <summary>The deadlines as stored after the correction.</summary>
    public sealed record CorrectedDeadlinesResponse(DateOnly ClockStart, DateOnly AcknowledgementDueDate, DateOnly ResponseDueDate,
        DateOnly ExternalRecourseFrom, DateOnly? SecondLevelDueDate, long Revision);

    public static IEndpointRouteBuilder MapComplaintDatesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/complaints/{id:guid}/dates", CorrectDatesAsync).WithName("CorrectComplaintDates").WithTags("Complaints")
            .WithSummary("Corrects the received / sent date or records an oral complaint's written confirmation; the stored deadlines are computed again and the pending timers move.")
            .RequireAuthorization(Policies.HandlesComplaints);
        return app;
    }

    private static async Task<Ok<CorrectedDeadlinesResponse>> CorrectDatesAsync(Guid id, DateCorrectionRequest request, HttpContext http,
        ComplaintService service, CancellationToken ct)
    {
        var c = await service.CorrectDatesAsync(id,
            new DateCorrection(request.ReceivedAt, request.SentAt, request.WrittenConfirmationSentAt, request.Reason), http.GetActor(),
            request.Revision, ct);
        return TypedResults.Ok(new CorrectedDeadlinesResponse(c.ClockStart, c.AcknowledgementDueDate, c.ResponseDueDate,
            c.ExternalRecourseFrom, c.SecondLevelDueDate, c.Revision));
    }
}
