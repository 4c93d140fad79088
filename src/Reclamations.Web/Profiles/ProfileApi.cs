using Reclamations.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Web.Accounts;
using Reclamations.Web.Engine;

namespace Reclamations.Web.Profiles;

/// <summary>The deadline profiles under /api/profiles: read by every signed-in user, edited by ProcessOwner/Admin.</summary>
public static class ProfileApi
{
    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder app)
    {
        var profiles = app.MapGroup("/api/profiles").WithTags("Profiles").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        profiles.MapGet("/", ListAsync).WithName("ListProfiles").WithSummary("The deadline profiles, paged.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        profiles.MapGet("/{code}", GetAsync).WithName("GetProfile").WithSummary("A deadline profile.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        profiles.MapPut("/{code}", SaveAsync).WithName("SaveProfile")
            .WithSummary("Replaces a deadline profile (new complaints get it; registered ones keep their deadlines).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.ManagesProcess);
        profiles.MapGet("/{code}/versions", VersionsAsync).WithName("ListProfileVersions")
            .WithSummary("Every saved version of a profile, oldest first, with who saved it and when (complaints record the version they used).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        profiles.MapGet("/{code}/deadlines", ComputeDeadlinesAsync).WithName("ComputeDeadlines")
            .WithSummary("The deadlines the profile gives a complaint received on receivedAt (and sent on sentAt).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>One saved version of a profile.</summary>
    public sealed record ProfileVersionResponse(int Version, DateTimeOffset SavedAt, string SavedBy, DeadlineProfile Profile);

    public static async Task<Ok<IReadOnlyList<ProfileVersionResponse>>> VersionsAsync(string code, DeadlineProfileStore store, CancellationToken ct)
    {
        await store.GetAsync(code, ct); // an unknown code is a 404 naming it
        IReadOnlyList<ProfileVersionResponse> versions = (await store.VersionsAsync(code, ct))
            .Select(v => new ProfileVersionResponse(v.Version, v.SavedAt, v.SavedBy, v.ReadProfile())).ToList();
        return TypedResults.Ok(versions);
    }

    public static async Task<Ok<IReadOnlyList<DeadlineProfile>>> ListAsync(int? firstResult, int? maxResults, HttpContext http,
        DeadlineProfileStore store, CancellationToken ct) =>
        Paging.Ok(http, await store.ListAsync(ct), firstResult, maxResults);

    public static async Task<Ok<DeadlineProfile>> GetAsync(string code, DeadlineProfileStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetAsync(code, ct));

    public static async Task<Ok<DeadlineProfile>> SaveAsync(string code, DeadlineProfile profile, HttpContext http, DeadlineProfileStore store,
        DeadlineProfileCatalog catalog, CancellationToken ct)
    {
        if (profile.Code != code)
            throw new RegisterValidationException([new FieldError("code", $"Le code du profil (« {profile.Code} ») diffère de l'adresse (« {code} »).")]);
        var saved = await store.SaveAsync(profile, http.GetActor().Id, ct);
        catalog.Replace(await store.ListAsync(ct));
        return TypedResults.Ok(saved);
    }

    public static async Task<Ok<DeadlinesResponse>> ComputeDeadlinesAsync(string code, DateOnly? receivedAt, DateOnly? sentAt,
        DeadlineProfileStore store, CancellationToken ct)
    {
        if (receivedAt is not { } received)
            throw new RegisterValidationException([new FieldError("receivedAt", "La date de réception est obligatoire (AAAA-MM-JJ).")]);
        var profile = await store.GetAsync(code, ct);
        ComplaintDeadlines d;
        try
        {
            d = DeadlineCalculator.Compute(profile, received, sentAt);
        }
        catch (ArgumentException e)
        {
            throw new RegisterValidationException([new FieldError(e.ParamName ?? "sentAt", e.Message)]);
        }
        return TypedResults.Ok(new DeadlinesResponse(d.ClockStart, d.AcknowledgementDueDate, d.ResponseDueDate,
            d.ExternalRecourseFrom, d.ExternalRecourseUntil, d.SecondLevelDueDate));
    }
}
