using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Engine.Api;
using Reclamations.Web.Accounts;
using Reclamations.Engine.Hosting;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Timers;
using Reclamations.Engine.Variables;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Engine;

/// <summary>The engine's REST API under /api/engine.</summary>
public static class EngineApi
{
    public static IEndpointRouteBuilder MapEngineApi(this IEndpointRouteBuilder app)
    {
        // Signed-in users; the engine checks who may do what (candidates, supervisors, starters, operators).
        var api = app.MapGroup("/api/engine").WithTags("Engine").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/deployments", DeployAsync).WithName("Deploy")
            .WithSummary("Deploys BPMN files (application/xml, or several as multipart/form-data); a changed process becomes version n+1.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery().RequireAuthorization(Policies.ManagesProcess);
        api.MapGet("/process-definitions", ListDefinitionsAsync).WithName("ListProcessDefinitions")
            .WithSummary("The latest version of each process definition, paged.").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/process-definitions/{key}/xml", GetDefinitionXmlAsync).WithName("GetProcessDefinitionXml")
            .WithSummary("The BPMN document of a definition (its latest version, or the one asked).")
            .Produces<string>(StatusCodes.Status200OK, "application/xml").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/process-definitions/{key}/start", StartProcessAsync).WithName("StartProcess")
            .WithSummary("Starts an instance of the latest version of a process (the starter groups only).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/process-instances/{id:guid}", GetProcessInstanceAsync).WithName("GetProcessInstance")
            .WithSummary("A process instance with its variables (404 for a reader outside a restricted definition's reader groups).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/process-instances/{id:guid}/history", GetHistoryAsync).WithName("GetProcessInstanceHistory")
            .WithSummary("The history of an instance, paged.").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/tasks", QueryTasksAsync).WithName("QueryTasks")
            .WithSummary("The tasks the user may see (firstResult / maxResults; skip / take are their aliases).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/tasks/{id:guid}", GetTaskAsync).WithName("GetTask").WithSummary("A task with its form.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        // The acting user is the request's (HttpContext.GetActor), never a field of the body.
        api.MapPost("/tasks/{id:guid}/claim", ClaimTaskAsync).WithName("ClaimTask").WithSummary("Claims a task (its candidates).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/tasks/{id:guid}/unclaim", UnclaimTaskAsync).WithName("UnclaimTask").WithSummary("Gives a claimed task back.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/tasks/{id:guid}/assignee", SetAssigneeAsync).WithName("SetTaskAssignee")
            .WithSummary("Assigns a task (null unassigns): its assignee or a supervisor.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/tasks/{id:guid}/delegate", DelegateTaskAsync).WithName("DelegateTask")
            .WithSummary("Delegates a task; the delegate resolves it and it goes back to its owner.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/tasks/{id:guid}/resolve", ResolveTaskAsync).WithName("ResolveTask")
            .WithSummary("Resolves a delegated task (fields of its form only).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/tasks/{id:guid}/complete", CompleteTaskAsync).WithName("CompleteTask")
            .WithSummary("Completes a task with the fields of its form.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/messages", CorrelateMessageAsync).WithName("CorrelateMessage")
            .WithSummary("Correlates a message (exactly one match, or all with all=true; buffered with timeToLive).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/incidents", QueryIncidentsAsync).WithName("QueryIncidents").WithSummary("Incidents, paged.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/jobs", QueryJobsAsync).WithName("QueryJobs").WithSummary("Jobs (timers, async continuations), paged.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/jobs/{id:guid}/retry", RetryJobAsync).WithName("RetryJob")
            .WithSummary("Retries a job with an open incident (operators).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/jobs/{id:guid}/due-date", SetJobDueDateAsync).WithName("SetJobDueDate")
            .WithSummary("Moves a job's due date (operators; audited).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapOperatorApi();
        api.MapMigrationApi();
        MapClock(app, api);
        return app;
    }

    /// <summary>The simulation clock exists only when the host runs a manual clock (Development/Testing); otherwise 404.</summary>
    private static void MapClock(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        if (app.ServiceProvider.GetRequiredService<TimeProvider>() is not ManualTimeProvider) return;
        api.MapGet("/clock", GetClock).WithName("GetClock").WithSummary("The simulation clock's time.");
        api.MapPost("/clock/advance", AdvanceClockAsync).WithName("AdvanceClock")
            .WithSummary("Moves the simulation clock, firing every timer due meanwhile, in order.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    public static Ok<ClockResponse> GetClock(TimeProvider clock) => TypedResults.Ok(new ClockResponse(clock.GetUtcNow()));

    public static async Task<Results<Ok<AdvanceClockResponse>, ProblemHttpResult>> AdvanceClockAsync(AdvanceClockRequest request,
        TimeProvider clock, ProcessEngine engine, EngineRuntime runtime, CancellationToken ct)
    {
        IsoDuration duration;
        try
        {
            duration = IsoDuration.Parse(request.Duration ?? "");
        }
        catch (FormatException e)
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: $"duration: {e.Message}");
        }
        var manual = (ManualTimeProvider)clock;
        var target = duration.AddTo(manual.GetUtcNow(), runtime.TimeZone);
        var executed = await ClockSimulator.AdvanceAsync(engine, manual, target, ct);
        return TypedResults.Ok(new AdvanceClockResponse(manual.GetUtcNow(), executed));
    }

    public static async Task<Results<Created<DeploymentResponse>, ProblemHttpResult>> DeployAsync(HttpRequest request, string? comment,
        ProcessEngine engine, EngineRuntime runtime, CancellationToken ct)
    {
        var limit = DeploymentBody.Limit(runtime.Options);
        if (!DeploymentBody.Restrict(request, limit)) return DeploymentBody.TooLarge(limit);
        var resources = new List<BpmnResource>();
        try
        {
            await ReadResourcesAsync(request, resources, ct);
        }
        catch (Exception e) when (e is RequestBodyTooLargeException
                                      || e.InnerException is RequestBodyTooLargeException
                                      || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return DeploymentBody.TooLarge(limit);
        }
        if (resources.Count == 0)
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: "Send one BPMN file as application/xml, or several as multipart/form-data.");
        var deployed = await engine.DeployAsync(resources, request.HttpContext.GetActor(), comment, ct);
        return TypedResults.Created("/api/engine/process-definitions",
            new DeploymentResponse(deployed.Select(d => new DeployedDefinitionResponse(d.Id, d.Key, d.Version, d.Name)).ToList()));
    }

    public static async Task<Ok<IReadOnlyList<ProcessDefinitionInfo>>> ListDefinitionsAsync(int? firstResult, int? maxResults,
        HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        Paging.Ok(http, await engine.GetProcessDefinitionsAsync(ct: ct), firstResult, maxResults);

    public static async Task<ContentHttpResult> GetDefinitionXmlAsync(string key, int? version, ProcessEngine engine, CancellationToken ct) =>
        TypedResults.Text(await engine.GetProcessDefinitionXmlAsync(key, version, ct), "application/xml");

    public static async Task<Created<StartProcessResponse>> StartProcessAsync(string key, StartProcessRequest? request, HttpContext http,
        ProcessEngine engine, CancellationToken ct)
    {
        var instance = await engine.StartProcessAsync(key, request?.BusinessKey, ToValues(request?.Variables), http.GetActor(), ct);
        return TypedResults.Created($"/api/engine/process-instances/{instance.Id}", new StartProcessResponse(instance.Id, instance.State));
    }

    public static async Task<Ok<ProcessInstanceInfo>> GetProcessInstanceAsync(Guid id, HttpContext http, ProcessEngine engine,
        CancellationToken ct) =>
        TypedResults.Ok(await engine.GetProcessInstanceAsync(id, http.GetActor(), ct));

    public static async Task<Ok<IReadOnlyList<HistoryEventInfo>>> GetHistoryAsync(Guid id, int? firstResult, int? maxResults,
        HttpContext http, ProcessEngine engine, CancellationToken ct)
    {
        var (first, max) = Paging.Check(firstResult, maxResults, defaultMax: Paging.Limit);
        return Paging.Ok(http, await engine.GetHistoryAsync(id, http.GetActor(), first, max, ct));
    }

    public static async Task<Ok<IReadOnlyList<TaskInfo>>> QueryTasksAsync(Guid? processInstanceId, string? assignee, string? candidateGroup,
        string? candidateUser, string? businessKey, bool? includeAssigned, int? firstResult, int? maxResults, int? skip, int? take,
        HttpContext http, ProcessEngine engine, CancellationToken ct)
    {
        var (first, max) = Paging.Check(firstResult ?? skip, maxResults ?? take, defaultMax: 50);
        var query = new TaskQuery(processInstanceId, assignee, candidateGroup, candidateUser, businessKey, first, max, includeAssigned ?? false);
        var actor = http.GetActor();
        var page = max == 0 ? [] : await engine.QueryTasksAsync(query, actor, ct);
        return Paging.Ok(http, new Page<TaskInfo>(page, await engine.CountTasksAsync(query, actor, ct)));
    }

    public static async Task<Ok<TaskInfo>> GetTaskAsync(Guid id, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.GetTaskAsync(id, http.GetActor(), ct));

    public static async Task<NoContent> ClaimTaskAsync(Guid id, HttpContext http, ProcessEngine engine, CancellationToken ct)
    {
        await engine.ClaimTaskAsync(id, http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> UnclaimTaskAsync(Guid id, HttpContext http, ProcessEngine engine, CancellationToken ct)
    {
        await engine.UnclaimTaskAsync(id, http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SetAssigneeAsync(Guid id, SetAssigneeRequest request, HttpContext http, ProcessEngine engine,
        CancellationToken ct)
    {
        await engine.AssignTaskAsync(id, request.Assignee, http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DelegateTaskAsync(Guid id, DelegateTaskRequest request, HttpContext http,
        ProcessEngine engine, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Delegate))
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: "delegate (the user who gets the task) is required.");
        await engine.DelegateTaskAsync(id, request.Delegate, http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ResolveTaskAsync(Guid id, CompleteTaskRequest? request, HttpContext http, ProcessEngine engine,
        CancellationToken ct)
    {
        await engine.ResolveTaskAsync(id, ToValues(request?.Variables), http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> CompleteTaskAsync(Guid id, CompleteTaskRequest? request, HttpContext http, ProcessEngine engine,
        CancellationToken ct)
    {
        await engine.CompleteTaskAsync(id, ToValues(request?.Variables), http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<CorrelateMessageResponse>, Accepted<BufferedMessageResponse>, ProblemHttpResult>> CorrelateMessageAsync(
        CorrelateMessageRequest request, HttpContext http, ProcessEngine engine, EngineRuntime runtime, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.MessageName))
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: "messageName is required.");
        TimeSpan? timeToLive = null;
        if (request.TimeToLive is { } ttlText)
        {
            if (!IsoDuration.TryParse(ttlText, out var duration))
                return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: $"timeToLive: '{ttlText}' is not an ISO 8601 duration (e.g. PT1H).");
            var now = engine.Time.GetUtcNow();
            timeToLive = duration.AddTo(now, runtime.TimeZone) - now;
        }
        var result = await engine.CorrelateMessageAsync(new CorrelationRequest(request.MessageName, request.BusinessKey,
            request.ProcessInstanceId, ToValues(request.CorrelationKeys), ToValues(request.Variables), request.All ?? false, timeToLive),
            http.GetActor(), ct);
        return result.Buffered
            ? TypedResults.Accepted((string?)null, new BufferedMessageResponse(true, result.BufferedMessageId!.Value, result.ExpiresAt!.Value))
            : TypedResults.Ok(new CorrelateMessageResponse(result.Correlated, result.ProcessInstanceIds));
    }

    public static async Task<Ok<IReadOnlyList<IncidentInfo>>> QueryIncidentsAsync(Guid? processInstanceId, string? activityId, bool? open,
        int? firstResult, int? maxResults, HttpContext http, ProcessEngine engine, CancellationToken ct)
    {
        var (first, max) = Paging.Check(firstResult, maxResults);
        return Paging.Ok(http, await engine.QueryIncidentsAsync(new IncidentQuery(processInstanceId, activityId, open ?? true, first, max),
            http.GetActor(), ct));
    }

    public static async Task<Ok<IReadOnlyList<JobInfo>>> QueryJobsAsync(Guid? processInstanceId, string? activityId, string? kind,
        bool? withIncident, bool? suspended, int? firstResult, int? maxResults, HttpContext http, ProcessEngine engine, CancellationToken ct)
    {
        var (first, max) = Paging.Check(firstResult, maxResults);
        return Paging.Ok(http, await engine.QueryJobsAsync(
            new JobQuery(processInstanceId, activityId, kind, withIncident, suspended, first, max), http.GetActor(), ct));
    }

    public static async Task<NoContent> RetryJobAsync(Guid id, HttpContext http, ProcessEngine engine, CancellationToken ct)
    {
        await engine.RetryJobAsync(id, http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetJobDueDateAsync(Guid id, SetJobDueDateRequest? request,
        HttpContext http, ProcessEngine engine, EngineRuntime runtime, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.DueDate))
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: "dueDate is required (ISO 8601, e.g. 2026-05-14T09:00:00+02:00).");
        DateTimeOffset dueDate;
        try
        {
            dueDate = TimerDates.ParseDate(request.DueDate, runtime.TimeZone);
        }
        catch (FormatException e)
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: $"dueDate: {e.Message}");
        }
        await engine.SetJobDueDateAsync(id, dueDate, http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    private static async Task ReadResourcesAsync(HttpRequest request, List<BpmnResource> resources, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var file in form.Files)
            {
                using var reader = new StreamReader(file.OpenReadStream());
                resources.Add(new BpmnResource(file.FileName, await reader.ReadToEndAsync(ct)));
            }
        }
        else
        {
            using var reader = new StreamReader(request.Body);
            var xml = await reader.ReadToEndAsync(ct);
            if (!string.IsNullOrWhiteSpace(xml)) resources.Add(new BpmnResource(request.Headers["X-Resource-Name"].FirstOrDefault() ?? "upload.bpmn", xml));
        }
    }

    internal static Dictionary<string, object?>? ToValues(Dictionary<string, JsonElement>? variables) =>
        variables?.ToDictionary(v => v.Key, v => VariableSerializer.FromJsonElement(v.Value), StringComparer.Ordinal);
}
