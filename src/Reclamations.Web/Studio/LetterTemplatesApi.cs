using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Register;
using Reclamations.Domain.Templates;
using Reclamations.Domain.Workflow;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Studio;

/// <summary>The studio's letter templates (<c>/api/studio/templates</c>, ProcessOwner and Admin): the list with the version in
/// force, a template's text and declared variables, its versions and a diff between two, the validation and live preview of an
/// edited text, and the save of a new version with a comment. A refused text is a 400 problem naming each problem (line,
/// column, variable, mention); an unknown key a 404.</summary>
public static class LetterTemplatesApi
{
    public sealed record TemplateText(string? Body, string? Comment);

    public sealed record PreviewRequest(string? Body, string? Profile, string? Complaint, string? Letter);

    public sealed record TemplateDetail(string Key, bool IsPartial, int Version, string Body, IReadOnlyList<LetterModelSchema.Variable> Variables);

    public sealed record VersionInfo(int Version, string Author, DateTimeOffset? At, string Comment);

    public sealed record VersionText(string Key, int Version, string Body);

    public sealed record Diff(string Key, int From, int To, IReadOnlyList<TemplateDiff.Line> Lines);

    public sealed record Validation(bool Valid, IReadOnlyList<TemplateProblem> Problems);

    public sealed record PreviewResult(string Letter, string Profile, string? Subject, string? Html, IReadOnlyList<TemplateProblem> Problems);

    /// <summary>The largest request body (a template is at most <see cref="TemplateEditor.MaxBodyLength"/> characters).</summary>
    private const long MaxRequestBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapLetterTemplatesApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/studio/templates").WithTags("Studio").RequireAuthorization(Policies.ManagesProcess)
            .AddEndpointFilter(ToProblems).WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes));
        templates.MapGet("", ListAsync).WithName("ListLetterTemplates");
        templates.MapGet("/{key}", GetAsync).WithName("GetLetterTemplate");
        templates.MapPut("/{key}", SaveAsync).WithName("SaveLetterTemplate");
        templates.MapGet("/{key}/versions", VersionsAsync).WithName("ListLetterTemplateVersions");
        templates.MapGet("/{key}/versions/{version:int}", VersionAsync).WithName("GetLetterTemplateVersion");
        templates.MapGet("/{key}/diff", DiffAsync).WithName("DiffLetterTemplateVersions");
        templates.MapPost("/{key}/validate", ValidateAsync).WithName("ValidateLetterTemplate");
        templates.MapPost("/{key}/preview", PreviewAsync).WithName("PreviewLetterTemplate");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<TemplateEditor.Entry>>> ListAsync(TemplateEditor editor, CancellationToken ct) =>
        TypedResults.Ok(await editor.ListAsync(ct));

    public static async Task<Ok<TemplateDetail>> GetAsync(string key, TemplateEditor editor, CancellationToken ct)
    {
        var template = await editor.CurrentAsync(key, ct);
        return TypedResults.Ok(new TemplateDetail(key, LetterTemplateKeys.IsPartial(key), template.Version, template.Source, LetterModelSchema.For(key)));
    }

    public static async Task<Ok<VersionInfo>> SaveAsync(string key, [FromBody] TemplateText body, HttpContext http, TemplateEditor editor,
        CancellationToken ct)
    {
        var saved = await editor.SaveAsync(key, body.Body, body.Comment, http.GetActor().Id, ct);
        return TypedResults.Ok(new VersionInfo(saved.Version, saved.Author, saved.At, saved.Comment));
    }

    public static async Task<Ok<IReadOnlyList<VersionInfo>>> VersionsAsync(string key, TemplateEditor editor, LetterTemplateCatalog catalog,
        CancellationToken ct)
    {
        await editor.CurrentAsync(key, ct); // 404 for an unknown key
        var versions = (await catalog.VersionsAsync(key, ct)).Select(v => new VersionInfo(v.Version, v.Author, v.At, v.Comment))
            .Append(new VersionInfo(0, LetterSettingsStore.SeedUser, null, "Fichier par défaut (templates/)")).ToList();
        return TypedResults.Ok<IReadOnlyList<VersionInfo>>(versions);
    }

    public static async Task<Results<Ok<VersionText>, NotFound<ProblemDetails>>> VersionAsync(string key, int version, LetterTemplateCatalog catalog,
        CancellationToken ct) =>
        await catalog.SourceAsync(key, version, ct) is { } body
            ? TypedResults.Ok(new VersionText(key, version, body))
            : TypedResults.NotFound(NotFound($"Le modèle « {key} » n'a pas de version {version}."));

    public static async Task<Results<Ok<Diff>, NotFound<ProblemDetails>>> DiffAsync(string key, int from, int to, LetterTemplateCatalog catalog,
        CancellationToken ct)
    {
        var older = await catalog.SourceAsync(key, from, ct);
        var newer = await catalog.SourceAsync(key, to, ct);
        if (older is null || newer is null)
            return TypedResults.NotFound(NotFound($"Le modèle « {key} » n'a pas de version {(older is null ? from : to)}."));
        return TypedResults.Ok(new Diff(key, from, to, TemplateDiff.Compare(older, newer)));
    }

    public static async Task<Ok<Validation>> ValidateAsync(string key, [FromBody] TemplateText body, TemplateEditor editor, CancellationToken ct)
    {
        var problems = await editor.ValidateAsync(key, body.Body, ct);
        return TypedResults.Ok(new Validation(problems.Count == 0, problems));
    }

    public static async Task<Ok<PreviewResult>> PreviewAsync(string key, [FromBody] PreviewRequest body, TemplateEditor editor, CancellationToken ct)
    {
        var preview = await editor.PreviewAsync(key, body.Body, body.Profile, body.Complaint, body.Letter, ct);
        return TypedResults.Ok(new PreviewResult(preview.Letter, preview.Profile, preview.Subject,
            preview.Html is null ? null : Tasks.TaskLetterPreview.Body(preview.Html), preview.Problems));
    }

    /// <summary>The studio's refusals as problem details (400 naming each problem, 404 for an unknown template or complaint).</summary>
    private static async ValueTask<object?> ToProblems(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (TemplateValidationException e)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = 400, Title = "Invalid template", Detail = e.Message,
                Extensions = { ["errors"] = e.Problems },
            });
        }
        catch (Exception e) when (e is TemplateNotFoundException or ComplaintNotFoundException)
        {
            return TypedResults.Problem(NotFound(e.Message));
        }
    }

    private static ProblemDetails NotFound(string detail) => new() { Status = 404, Title = "Not found", Detail = detail };
}
