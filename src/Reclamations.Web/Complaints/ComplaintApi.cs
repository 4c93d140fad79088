using Reclamations.Domain.CorrectiveActions;
using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;
using Reclamations.Web.Accounts;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Infrastructure;
using Reclamations.Web.Engine;

namespace Reclamations.Web.Complaints;

/// <summary>The register's REST API under /api/complaints, and the register's categories.</summary>
public static class ComplaintApi
{
    public static IEndpointRouteBuilder MapComplaintApi(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/api/complaints").WithTags("Complaints").RequireAuthorization(Policies.HandlesComplaints)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        complaints.MapPost("/", RegisterAsync).WithName("RegisterComplaint")
            .WithSummary("Registers a complaint: reference, deadlines of its profile, the workflow started.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        complaints.MapGet("/", ListAsync).WithName("ListComplaints")
            .WithSummary("The register, filtered and paged (X-Total-Count gives the number of matches).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        complaints.MapGet("/{id:guid}", GetCaseFileAsync).WithName("GetCaseFile")
            .WithSummary("A case file: the complaint, its letters, documents, corrective actions, open tasks and timeline.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        complaints.MapGet("/{id:guid}/letters/{letterId:guid}", GetLetterAsync).WithName("GetLetter")
            .WithSummary("A letter as sent (HTML).")
            .Produces<string>(StatusCodes.Status200OK, "text/html").ProducesProblem(StatusCodes.Status404NotFound);
        complaints.MapPost("/{id:guid}/documents", AddDocumentAsync).WithName("AddDocument")
            .WithSummary("Adds a document to the case file (multipart/form-data: file, kind); its type is checked against its bytes.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new DocumentUploadAttribute()).DisableAntiforgery();
        complaints.MapGet("/{id:guid}/documents/{documentId:guid}", GetDocumentAsync).WithName("GetDocument")
            .WithSummary("Downloads a document (always as an attachment, with the checked content type).")
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        complaints.MapPost("/{id:guid}/client-reply", RecordClientReplyAsync).WithName("RecordClientReply")
            .WithSummary("Records the client's reaction to the answer (satisfied or not; legalThreat opens the litigation branch).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        complaints.MapPost("/{id:guid}/corrective-actions", AddCorrectiveActionAsync).WithName("AddCorrectiveAction")
            .WithSummary("Records a corrective action for the dysfunction the complaint revealed.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        complaints.MapPost("/{id:guid}/corrective-actions/{actionId:guid}/status", SetCorrectiveActionStatusAsync)
            .WithName("SetCorrectiveActionStatus").WithSummary("Moves a corrective action to another status.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/categories", ListCategoriesAsync).WithTags("Complaints").WithName("Categories")
            .WithSummary("The register's complaint categories, each with its CAA reporting type (seed 004's seven).").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    public static async Task<Created<RegisterComplaintResponse>> RegisterAsync(RegisterComplaintRequest request, HttpContext http,
        ComplaintService service, CancellationToken ct)
    {
        var complaint = await service.RegisterAsync(ComplaintRequestMapper.ToNewComplaint(request), http.GetActor(), ct);
        return TypedResults.Created($"/api/complaints/{complaint.Id}", new RegisterComplaintResponse(complaint.Id, complaint.Reference,
            complaint.AcknowledgementDueDate, complaint.ResponseDueDate, complaint.ProcessInstanceId, complaint.Status.ToString()));
    }

    public static async Task<Ok<IReadOnlyList<Complaint>>> ListAsync(string? status, string? category, string? profile,
        DateOnly? receivedFrom, DateOnly? receivedTo, bool? overdue, int? firstResult, int? maxResults, HttpContext http,
        ComplaintRegister register, CancellationToken ct)
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
        var groups = http.GetActor().Groups;
        // The litigation's details are the litigation readers' only (LitigationDetails), as in the case file.
        var complaints = (await register.ListAsync(filter, ct)).Select(c => LitigationDetails.For(c, groups)).ToList();
        return Paging.Ok(http, complaints, firstResult, maxResults);
    }

    public static async Task<Ok<CaseFileResponse>> GetCaseFileAsync(Guid id, HttpContext http, ComplaintRegister register,
        ProcessEngine engine, CancellationToken ct)
    {
        var file = CaseFileReaders.For(await register.GetAsync(id, ct), http.GetActor().Groups);
        var tasks = await engine.QueryTasksAsync(new TaskQuery(BusinessKey: file.Complaint.Reference, Take: 100), http.GetActor(), ct);
        return TypedResults.Ok(CaseFileResponse.From(file, tasks));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetLetterAsync(Guid id, Guid letterId, HttpContext http,
        ComplaintRegister register, CancellationToken ct)
    {
        // A letter of a restricted step (litigation) is not found for other readers: its existence does not leak.
        var letter = (await register.GetAsync(id, ct)).Letters.FirstOrDefault(l => l.Id == letterId && l.ReadableBy(http.GetActor().Groups));
        return letter is null
            ? TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"La réclamation n'a pas de courrier {letterId}.")
            : TypedResults.Content(letter.Html, "text/html; charset=utf-8");
    }

    public static async Task<Results<Created<ComplaintDocument>, ProblemHttpResult>> AddDocumentAsync(Guid id, HttpRequest http,
        ComplaintRegister register, DocumentStore documents, CancellationToken ct)
    {
        await register.GetAsync(id, ct);
        if (!http.HasFormContentType)
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: "Envoyez le document en multipart/form-data (champ « file »).");
        var form = await http.ReadFormAsync(ct);
        var file = form.Files.FirstOrDefault();
        if (file is null) return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: "file : aucun fichier reçu.");
        var kind = Enum.TryParse<DocumentKind>(form["kind"].FirstOrDefault(), true, out var k) ? k : DocumentKind.Attachment;
        var (contentType, refusal) = await UploadCheck.CheckAsync(file, ct);
        if (contentType is null)
            return TypedResults.Problem(statusCode: 415, title: "Unsupported file type", detail: $"file : {refusal}");
        await using var stream = file.OpenReadStream();
        var document = await documents.AddAsync(id, kind, file.FileName, contentType, stream, http.HttpContext.GetActor().Id, ct);
        return TypedResults.Created($"/api/complaints/{id}/documents/{document.Id}", document);
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetDocumentAsync(Guid id, Guid documentId,
        DocumentStore documents, CancellationToken ct)
    {
        var opened = await documents.OpenAsync(documentId, ct);
        if (opened.Metadata.ComplaintId != id)
        {
            await opened.DisposeAsync();
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"La réclamation n'a pas de document {documentId}.");
        }
        // Always a download, never rendered by the browser in the application's origin (nosniff is set on every answer).
        return TypedResults.Stream(opened.Content, opened.Metadata.ContentType, opened.Metadata.FileName, enableRangeProcessing: false);
    }

    public static async Task<Results<Ok<ClientReplyResponse>, ProblemHttpResult>> RecordClientReplyAsync(Guid id, ClientReplyRequest request,
        HttpContext http, ComplaintRegister register, ComplaintService service, CancellationToken ct)
    {
        if (request.Satisfied is not { } satisfied)
            throw new RegisterValidationException([new FieldError("satisfied", "Indiquez si le client est satisfait (true/false).")]);
        var complaint = (await register.GetAsync(id, ct)).Complaint;
        var count = await service.RecordClientReplyAsync(complaint, satisfied, request.Comment, request.LegalThreat ?? false, http.GetActor(), ct);
        return count == 0
            ? TypedResults.Problem(statusCode: 409, title: "Conflict",
                detail: $"La réclamation {complaint.Reference} n'attend pas de réaction du client à ce stade.")
            : TypedResults.Ok(new ClientReplyResponse(count));
    }

    public static async Task<Created<CorrectiveAction>> AddCorrectiveActionAsync(Guid id, CorrectiveActionRequest request, HttpContext http,
        CorrectiveActionService actions, TimeProvider time, CancellationToken ct)
    {
        var action = await actions.AddAsync(id, request.ToInput(), http.GetActor().Id, time, ct);
        return TypedResults.Created($"/api/complaints/{id}/corrective-actions/{action.Id}", action);
    }

    public static async Task<Ok<CorrectiveAction>> SetCorrectiveActionStatusAsync(Guid id, Guid actionId, CorrectiveActionStatusRequest request,
        HttpContext http, CorrectiveActionService actions, CancellationToken ct)
    {
        if (!Enum.TryParse<CorrectiveActionStatus>(request.Status, true, out var status) || !Enum.IsDefined(status))
            throw new RegisterValidationException([new FieldError("status",
                $"« {request.Status} » n'est pas un statut ({string.Join(", ", Enum.GetNames<CorrectiveActionStatus>())}).")]);
        return TypedResults.Ok(await actions.SetStatusAsync(id, actionId, status, http.GetActor().Id, ct));
    }

    /// <summary>The categories with their CAA reporting type; <c>includeInactive=false</c>: only those a new complaint may take.</summary>
    public static async Task<Ok<List<CategoryResponse>>> ListCategoriesAsync(bool? includeInactive, CategoryCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.ListAsync(includeInactive ?? true, ct)).Select(CategoryResponse.From).ToList());
}
