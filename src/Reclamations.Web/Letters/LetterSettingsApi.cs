using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reclamations.Domain.Letters;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Letters;

/// <summary>The letters' settings kept in the database: the firm's identity (<c>/api/settings/firm</c>) and the recourse bodies
/// (<c>/api/settings/recourse</c>: the French mediator, the Luxembourg CAA). Read and replaced by ProcessOwner and Admin; each
/// replacement is a new version with who and when; a bad field is a 400 naming it and changes nothing.</summary>
public static class LetterSettingsApi
{
    /// <summary>The firm's identity as the API shows it, with what still keeps letters from leaving.</summary>
    public sealed record FirmIdentity(string Name, IReadOnlyList<string> Address, string? OriasNumber, string? RegistrationNumber,
        string ComplaintsContactName, string? ComplaintsContactTitle, string ComplaintsContactEmail, string Phone,
        IReadOnlyList<string>? Problems = null);

    public static IEndpointRouteBuilder MapLetterSettingsApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/settings").WithTags("Settings").RequireAuthorization(Policies.ManagesProcess);
        settings.MapGet("/firm", GetFirmAsync).WithName("GetFirmIdentity");
        settings.MapPut("/firm", PutFirmAsync).WithName("PutFirmIdentity");
        settings.MapGet("/recourse", GetRecourseAsync).WithName("GetRecourseBodies");
        settings.MapPut("/recourse", PutRecourseAsync).WithName("PutRecourseBodies");
        return app;
    }

    public static async Task<Ok<FirmIdentity>> GetFirmAsync(LetterSettingsStore store, CancellationToken ct) =>
        TypedResults.Ok(ToIdentity((await store.GetAsync(ct)).Firm));

    public static async Task<Ok<FirmIdentity>> PutFirmAsync([FromBody] FirmIdentity body, HttpContext http, LetterSettingsStore store, FirmSettings configured,
        CancellationToken ct)
    {
        var firm = new FirmSettings(body.Name ?? "", body.Address ?? [], body.OriasNumber, body.RegistrationNumber,
            body.ComplaintsContactName ?? "", body.ComplaintsContactEmail ?? "", body.Phone ?? "", configured.TimeZoneId)
        {
            ComplaintsContactTitle = body.ComplaintsContactTitle,
        };
        return TypedResults.Ok(ToIdentity(await store.UpdateFirmAsync(firm, http.GetActor().Id, ct)));
    }

    public static async Task<Ok<MediatorSettings>> GetRecourseAsync(LetterSettingsStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.GetAsync(ct)).Recourse);

    public static async Task<Ok<MediatorSettings>> PutRecourseAsync([FromBody] MediatorSettings body, HttpContext http, LetterSettingsStore store,
        CancellationToken ct) =>
        TypedResults.Ok(await store.UpdateRecourseAsync(body, http.GetActor().Id, ct));

    private static FirmIdentity ToIdentity(FirmSettings firm) => new(firm.Name, firm.Address, firm.OriasNumber, firm.RegistrationNumber,
        firm.ComplaintsContactName, firm.ComplaintsContactTitle, firm.ComplaintsContactEmail, firm.Phone, FirmIdentityCheck.Problems(firm));
}
