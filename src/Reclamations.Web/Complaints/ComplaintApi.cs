using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;
using Reclamations.Web.Accounts;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Infrastructure;
using Reclamations.Web.Engine;

namespace Reclamations.Web.Complaints;

/// <summary>The register's REST API under /api/complaints and the deadline profiles under /api/profiles.</summary>
public static class ComplaintApi
{
    public static IEndpointRouteBuilder MapComplaintApi(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/api/complaints").WithTags("Complaints").RequireAuthorization(Policies.HandlesComplaints);
        complaints.MapPost("/", async (RegisterComplaintRequest request, HttpContext http, ComplaintService service, CancellationToken ct) =>
        {
            var complaint = await service.RegisterAsync(ComplaintRequestMapper.ToNewComplaint(request), http.GetActor(), ct);
            return TypedResults.Created($"/api/complaints/{complaint.Id}", new RegisterComplaintResponse(complaint.Id, complaint.Reference,
                complaint.AcknowledgementDueDate, complaint.ResponseDueDate, complaint.ProcessInstanceId, complaint.Status.ToString()));
        });
        complaints.MapGet("/", async (string? status, string? category, string? profile, DateOnly? receivedFrom, DateOnly? receivedTo,
            bool? overdue, int? firstResult, int? maxResults, HttpContext http, ComplaintRegister register, CancellationToken ct) =>
        {
            ComplaintStatus? parsedStatus = null;
            if (status is not null)
            {
                if (!Enum.TryParse<ComplaintStatus>(status, true, out var s))
                    throw new RegisterValidationException([new FieldError("status",
                        $"« {status} » n'est pas un statut ({string.Join(", ", Enum.GetNames<ComplaintStatus>())}).")]);
                parsedStatus = s;
            }
            var filter = new ComplaintFilter
            {
                Status = parsedStatus, Category = category, Profile = profile, ReceivedFrom = receivedFrom, ReceivedTo = receivedTo, Overdue = overdue,
            };
            return Paging.Ok(http, await register.ListAsync(filter, ct), firstResult, maxResults);
        });
        complaints.MapGet("/{id:guid}", async (Guid id, HttpContext http, ComplaintRegister register, ProcessEngine engine, CancellationToken ct) =>
        {
            var file = CaseFileReaders.For(await register.GetAsync(id, ct), http.GetActor().Groups);
            var tasks = await engine.QueryTasksAsync(new TaskQuery(BusinessKey: file.Complaint.Reference, Take: 100), http.GetActor(), ct);
            return TypedResults.Ok(new
            {
                file.Complaint,
                Letters = file.Letters.Select(l => new { l.Id, l.TemplateName, l.Recipient, l.Subject, l.CreatedAt, l.SentAt, l.Sha256 }),
                file.Documents,
                file.CorrectiveActions,
                OpenTasks = tasks,
                Timeline = file.Audit,
            });
        });
        complaints.MapGet("/{id:guid}/letters/{letterId:guid}", async (Guid id, Guid letterId, HttpContext http, ComplaintRegister register,
            CancellationToken ct) =>
        {
            // A letter of a restricted step (litigation) is not found for other readers: its existence does not leak.
            var letter = (await register.GetAsync(id, ct)).Letters.FirstOrDefault(l => l.Id == letterId && l.ReadableBy(http.GetActor().Groups));
            return letter is null
                ? Results.Problem(statusCode: 404, title: "Not found", detail: $"La réclamation n'a pas de courrier {letterId}.")
                : Results.Content(letter.Html, "text/html; charset=utf-8");
        });
        complaints.MapPost("/{id:guid}/documents", async (Guid id, HttpRequest http, ComplaintRegister register, DocumentStore documents,
            CancellationToken ct) =>
        {
            await register.GetAsync(id, ct);
            if (!http.HasFormContentType)
                return Results.Problem(statusCode: 400, title: "Bad request", detail: "Envoyez le document en multipart/form-data (champ « file »).");
            var form = await http.ReadFormAsync(ct);
            var file = form.Files.FirstOrDefault();
            if (file is null) return Results.Problem(statusCode: 400, title: "Bad request", detail: "file : aucun fichier reçu.");
            var kind = Enum.TryParse<DocumentKind>(form["kind"].FirstOrDefault(), true, out var k) ? k : DocumentKind.Attachment;
            var (contentType, refusal) = await UploadCheck.CheckAsync(file, ct);
            if (contentType is null)
                return Results.Problem(statusCode: 415, title: "Unsupported file type", detail: $"file : {refusal}");
            await using var stream = file.OpenReadStream();
            var document = await documents.AddAsync(id, kind, file.FileName, contentType, stream, http.HttpContext.GetActor().Id, ct);
            return Results.Created($"/api/complaints/{id}/documents/{document.Id}", document);
        }).DisableAntiforgery();
        complaints.MapGet("/{id:guid}/documents/{documentId:guid}", async (Guid id, Guid documentId, DocumentStore documents, CancellationToken ct) =>
        {
            var opened = await documents.OpenAsync(documentId, ct);
            if (opened.Metadata.ComplaintId != id)
            {
                await opened.DisposeAsync();
                return Results.Problem(statusCode: 404, title: "Not found", detail: $"La réclamation n'a pas de document {documentId}.");
            }
            // Always a download, never rendered by the browser in the application's origin (nosniff is set on every answer).
            return Results.Stream(opened.Content, opened.Metadata.ContentType, opened.Metadata.FileName, enableRangeProcessing: false);
        });
        complaints.MapPost("/{id:guid}/client-reply", async (Guid id, ClientReplyRequest request, HttpContext http, ComplaintRegister register,
            ComplaintService service, CancellationToken ct) =>
        {
            if (request.Satisfied is not { } satisfied)
                throw new RegisterValidationException([new FieldError("satisfied", "Indiquez si le client est satisfait (true/false).")]);
            var complaint = (await register.GetAsync(id, ct)).Complaint;
            var count = await service.RecordClientReplyAsync(complaint, satisfied, request.Comment, http.GetActor(), ct);
            return count == 0
                ? Results.Problem(statusCode: 409, title: "Conflict",
                    detail: $"La réclamation {complaint.Reference} n'attend pas de réaction du client à ce stade.")
                : Results.Ok(new ClientReplyResponse(count));
        });
        complaints.MapPost("/{id:guid}/corrective-actions", async (Guid id, CorrectiveActionRequest request, HttpContext http,
            ComplaintRegister register, CancellationToken ct) =>
        {
            var action = await register.AddCorrectiveActionAsync(id, http.GetActor().Id, request.Description ?? "", request.Owner,
                request.DueDate, ct);
            return TypedResults.Created($"/api/complaints/{id}/corrective-actions/{action.Id}", action);
        });
        complaints.MapPost("/{id:guid}/corrective-actions/{actionId:guid}/status", async (Guid id, Guid actionId,
            CorrectiveActionStatusRequest request, HttpContext http, ComplaintRegister register, CancellationToken ct) =>
        {
            if (!Enum.TryParse<CorrectiveActionStatus>(request.Status, true, out var status))
                throw new RegisterValidationException([new FieldError("status",
                    $"« {request.Status} » n'est pas un statut ({string.Join(", ", Enum.GetNames<CorrectiveActionStatus>())}).")]);
            return TypedResults.Ok(await register.SetCorrectiveActionStatusAsync(actionId, status, http.GetActor().Id, ct));
        });

        app.MapGet("/api/categories", async (ComplaintRegister register, CancellationToken ct) =>
                TypedResults.Ok((await register.CategoriesAsync(ct)).Select(c => new CategoryResponse(c.Code, c.Label)).ToList()))
            .WithTags("Complaints").WithName("Categories").RequireAuthorization();
        var profiles = app.MapGroup("/api/profiles").WithTags("Profiles").RequireAuthorization();
        profiles.MapGet("/", async (int? firstResult, int? maxResults, HttpContext http, DeadlineProfileStore store, CancellationToken ct) =>
            Paging.Ok(http, await store.ListAsync(ct), firstResult, maxResults));
        profiles.MapGet("/{code}", async (string code, DeadlineProfileStore store, CancellationToken ct) => TypedResults.Ok(await store.GetAsync(code, ct)));
        profiles.MapPut("/{code}", async (string code, DeadlineProfile profile, HttpContext http, DeadlineProfileStore store, DeadlineProfileCatalog catalog,
            CancellationToken ct) =>
        {
            if (profile.Code != code)
                throw new RegisterValidationException([new FieldError("code", $"Le code du profil (« {profile.Code} ») diffère de l'adresse (« {code} »).")]);
            var saved = await store.SaveAsync(profile, http.GetActor().Id, ct);
            catalog.Replace(await store.ListAsync(ct));
            return TypedResults.Ok(saved);
        }).RequireAuthorization(Policies.ManagesProcess);
        profiles.MapGet("/{code}/deadlines", async (string code, DateOnly? receivedAt, DateOnly? sentAt, DeadlineProfileStore store, CancellationToken ct) =>
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
        });
        return app;
    }
}
