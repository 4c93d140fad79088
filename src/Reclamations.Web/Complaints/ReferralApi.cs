using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Domain.Register;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Complaints;

/// <summary>Referrals of a complaint to the mediator or the CAA: <c>GET|POST /api/complaints/{id}/referrals</c>,
/// <c>POST /api/complaints/{id}/referrals/{referralId}/answer</c> (the firm's own answer to the CAA). Audited.</summary>
public static class ReferralApi
{
    /// <summary><c>body</c>: <c>Mediator</c> | <c>Caa</c>; <c>firmAnswerDueOn</c>: the CAA's deadline for the firm's position.</summary>
    public sealed record ReferralRequest(string? Body, DateOnly? ReferredOn, string? TheirReference, DateOnly? FirmAnswerDueOn, string? Note);

    public sealed record ReferralAnswerRequest(DateOnly? AnsweredOn);

    /// <summary>A referral; <c>daysLeft</c>: days until the firm's answer is due (negative: late), null when none is due or it was given.</summary>
    public sealed record ReferralResponse(Guid Id, string Body, DateOnly ReferredOn, string? TheirReference, DateOnly? FirmAnswerDueOn,
        DateOnly? FirmAnsweredOn, int? DaysLeft, string? Note, string RecordedBy, DateTimeOffset RecordedAt)
    {
        public static ReferralResponse From(Referral r, DateOnly today) => new(r.Id, r.Body.ToString(), r.ReferredOn, r.TheirReference,
            r.FirmAnswerDueOn, r.FirmAnsweredOn, ReferralApi.DaysLeft(r, today), r.Note, r.RecordedBy, r.RecordedAt);
    }

    public static int? DaysLeft(Referral r, DateOnly today) =>
        r.FirmAnswerDueOn is { } due && r.FirmAnsweredOn is null ? due.DayNumber - today.DayNumber : null;

    public static IEndpointRouteBuilder MapReferralApi(this IEndpointRouteBuilder app)
    {
        var referrals = app.MapGroup("/api/complaints/{id:guid}/referrals").WithTags("Complaints")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        referrals.MapGet("/", ListAsync).WithName("ListReferrals").RequireAuthorization(Policies.HandlesComplaints)
            .WithSummary("The complaint's referrals to the mediator or the CAA, with the days left for the firm's answer.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        referrals.MapPost("/", AddAsync).WithName("AddReferral").RequireAuthorization(Policies.KeepsCaseFile)
            .WithSummary("Records that the complaint went to the mediator or the CAA (date, their reference, the CAA's deadline for the firm's answer).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        referrals.MapPost("/{referralId:guid}/answer", AnswerAsync).WithName("RecordReferralAnswer").RequireAuthorization(Policies.KeepsCaseFile)
            .WithSummary("Records the day the firm sent its own answer to the CAA (or the mediator).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<List<ReferralResponse>>> ListAsync(Guid id, ComplaintRegister register, CancellationToken ct)
    {
        await register.GetAsync(id, ct); // 404 for an unknown complaint
        var today = register.Today();
        return TypedResults.Ok((await register.ReferralsAsync(id, ct)).Select(r => ReferralResponse.From(r, today)).ToList());
    }

    private static async Task<Created<ReferralResponse>> AddAsync(Guid id, ReferralRequest request, HttpContext http, ComplaintRegister register,
        CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var body = ComplaintRequestMapper.ParseEnum<ReferralBody>(request.Body, "body", errors);
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        var referral = await register.AddReferralAsync(id,
            new NewReferral(body, request.ReferredOn, request.TheirReference, request.FirmAnswerDueOn, request.Note), http.GetActor().Id, ct);
        return TypedResults.Created($"/api/complaints/{id}/referrals", ReferralResponse.From(referral, register.Today()));
    }

    private static async Task<Ok<ReferralResponse>> AnswerAsync(Guid id, Guid referralId, ReferralAnswerRequest request, HttpContext http,
        ComplaintRegister register, CancellationToken ct) =>
        TypedResults.Ok(ReferralResponse.From(await register.RecordReferralAnswerAsync(id, referralId, request.AnsweredOn, http.GetActor().Id, ct),
            register.Today()));
}
