using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Domain.Studio;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Accounts;
using Reclamations.Web.Engine;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Studio;

/// <summary>The designer's API under /api/studio (ProcessOwner, Admin): drafts kept on the server and the engine's own
/// validation of a diagram. Deploying goes through <c>POST /api/engine/deployments</c>.</summary>
public static class DesignerApi
{
    public static IServiceCollection AddDesigner(this IServiceCollection services) =>
        services.AddSingleton<DesignerHandlers>().AddSingleton<ProcessDraftStore>();

    public static IEndpointRouteBuilder MapDesignerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/studio").WithTags("Studio").RequireAuthorization(Policies.ManagesProcess)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/validate", ValidateAsync).WithName("ValidateDiagram")
            .WithSummary("Checks a BPMN document (application/xml) as a deployment would, without deploying it.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).DisableAntiforgery();
        api.MapGet("/handlers", (DesignerHandlers handlers) => TypedResults.Ok(handlers.Known)).WithName("ListKnownHandlers")
            .WithSummary("The topics and listener names registered on the engine (others are refused at deployment).");
        api.MapGet("/drafts", ListDraftsAsync).WithName("ListDrafts").WithSummary("The studio's drafts, latest saved first.");
        api.MapGet("/drafts/{id:guid}", GetDraftAsync).WithName("GetDraft").WithSummary("A draft (who, when, what it is based on).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/drafts/{id:guid}/xml", GetDraftXmlAsync).WithName("GetDraftXml").WithSummary("A draft's BPMN document.")
            .Produces<string>(StatusCodes.Status200OK, "application/xml").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/drafts", CreateDraftAsync).WithName("CreateDraft")
            .WithSummary("Saves a new draft: the BPMN document as application/xml, processKey, basedOnVersion and comment in the query.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).DisableAntiforgery();
        api.MapPut("/drafts/{id:guid}", UpdateDraftAsync).WithName("UpdateDraft")
            .WithSummary("Saves a draft again (its author or an administrator).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).DisableAntiforgery();
        api.MapDelete("/drafts/{id:guid}", DeleteDraftAsync).WithName("DeleteDraft")
            .WithSummary("Deletes a draft (its author or an administrator).").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> ValidateAsync(HttpRequest request, ProcessEngine engine,
        EngineRuntime runtime, CancellationToken ct)
    {
        var body = await ReadXmlAsync(request, runtime, ct);
        if (body.Problem is not null) return body.Problem;
        // A refused document throws BpmnValidationException: the 400 problem detail lists every error with its element.
        var keys = engine.Validate([new BpmnResource("diagram.bpmn", body.Xml!)]);
        return TypedResults.Ok(new ValidationResponse(true, keys));
    }

    public static async Task<Ok<IReadOnlyList<DraftResponse>>> ListDraftsAsync(string? processKey, ProcessDraftStore drafts, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<DraftResponse>>((await drafts.ListAsync(processKey, ct)).Select(DraftResponse.From).ToList());

    public static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> GetDraftAsync(Guid id, ProcessDraftStore drafts, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(DraftResponse.From(await drafts.GetAsync(id, ct)));
        }
        catch (ProcessDraftNotFoundException e)
        {
            return NotFound(e);
        }
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetDraftXmlAsync(Guid id, ProcessDraftStore drafts, CancellationToken ct)
    {
        try
        {
            return TypedResults.Text((await drafts.GetAsync(id, ct)).Xml, "application/xml");
        }
        catch (ProcessDraftNotFoundException e)
        {
            return NotFound(e);
        }
    }

    public static async Task<Results<Created<DraftResponse>, ProblemHttpResult>> CreateDraftAsync(HttpRequest request, string? processKey,
        int? basedOnVersion, string? comment, ProcessDraftStore drafts, EngineRuntime runtime, CancellationToken ct)
    {
        var body = await ReadXmlAsync(request, runtime, ct);
        if (body.Problem is not null) return body.Problem;
        try
        {
            var draft = await drafts.CreateAsync(new ProcessDraftInput(processKey, body.Xml, basedOnVersion, comment),
                request.HttpContext.GetActor().Id, runtime.Options.MaxBpmnDocumentBytes, ct);
            return TypedResults.Created($"/api/studio/drafts/{draft.Id}", DraftResponse.From(draft));
        }
        catch (ProcessDraftValidationException e)
        {
            return Invalid(e);
        }
    }

    public static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> UpdateDraftAsync(Guid id, HttpRequest request, string? processKey,
        int? basedOnVersion, string? comment, ProcessDraftStore drafts, EngineRuntime runtime, CancellationToken ct)
    {
        var body = await ReadXmlAsync(request, runtime, ct);
        if (body.Problem is not null) return body.Problem;
        var user = request.HttpContext.User;
        try
        {
            var draft = await drafts.UpdateAsync(id, new ProcessDraftInput(processKey, body.Xml, basedOnVersion, comment),
                request.HttpContext.GetActor().Id, user.IsInRole(Roles.Admin), runtime.Options.MaxBpmnDocumentBytes, ct);
            return TypedResults.Ok(DraftResponse.From(draft));
        }
        catch (ProcessDraftValidationException e)
        {
            return Invalid(e);
        }
        catch (ProcessDraftNotFoundException e)
        {
            return NotFound(e);
        }
        catch (ProcessDraftForbiddenException e)
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: e.Message);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteDraftAsync(Guid id, HttpContext http, ProcessDraftStore drafts,
        CancellationToken ct)
    {
        try
        {
            await drafts.DeleteAsync(id, http.GetActor().Id, http.User.IsInRole(Roles.Admin), ct);
            return TypedResults.NoContent();
        }
        catch (ProcessDraftNotFoundException e)
        {
            return NotFound(e);
        }
        catch (ProcessDraftForbiddenException e)
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: e.Message);
        }
    }

    /// <summary>The request's BPMN document (UTF-8), within the deployment's body limit (413 beyond it, declared or not).</summary>
    private static async Task<(string? Xml, ProblemHttpResult? Problem)> ReadXmlAsync(HttpRequest request, EngineRuntime runtime, CancellationToken ct)
    {
        // Only an XML body: a cross-site form (text/plain, form-urlencoded) can never post a diagram.
        if (request.ContentType is not { } type || !IsXml(type))
            return (null, TypedResults.Problem(statusCode: 415, title: "Unsupported media type",
                detail: $"Send the BPMN document as application/xml (got {request.ContentType ?? "no content type"})."));
        var limit = DeploymentBody.Limit(runtime.Options);
        if (!DeploymentBody.Restrict(request, limit)) return (null, DeploymentBody.TooLarge(limit));
        string xml;
        try
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            xml = await reader.ReadToEndAsync(ct);
        }
        catch (Exception e) when (e is RequestBodyTooLargeException || e.InnerException is RequestBodyTooLargeException
                                      || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return (null, DeploymentBody.TooLarge(limit));
        }
        if (string.IsNullOrWhiteSpace(xml))
            return (null, TypedResults.Problem(statusCode: 400, title: "Bad request", detail: "Send the BPMN document as the body (application/xml)."));
        return (xml, null);
    }

    private static bool IsXml(string contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Value is "application/xml" or "text/xml" or "application/bpmn+xml";

    private static ProblemHttpResult NotFound(Exception e) => TypedResults.Problem(statusCode: 404, title: "Not found", detail: e.Message);

    private static ProblemHttpResult Invalid(ProcessDraftValidationException e) => TypedResults.Problem(statusCode: 400, title: "Invalid input",
        detail: e.Message, extensions: new Dictionary<string, object?> { ["errors"] = new[] { new { field = e.Field, message = e.Message } } });
}
