using System.Text.Json;
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
        var api = app.MapGroup("/api/engine").WithTags("Engine").RequireAuthorization();

        api.MapPost("/deployments", DeployAsync).WithName("Deploy").DisableAntiforgery().RequireAuthorization(Policies.ManagesProcess);
        api.MapGet("/process-definitions", async (int? firstResult, int? maxResults, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
            Paging.Ok(http, await engine.GetProcessDefinitionsAsync(ct: ct), firstResult, maxResults));
        api.MapGet("/process-definitions/{key}/xml", async (string key, int? version, ProcessEngine engine, CancellationToken ct) =>
            Results.Text(await engine.GetProcessDefinitionXmlAsync(key, version, ct), "application/xml"));
        api.MapPost("/process-definitions/{key}/start", async (string key, StartProcessRequest? request, HttpContext http, ProcessEngine engine,
            CancellationToken ct) =>
        {
            var instance = await engine.StartProcessAsync(key, request?.BusinessKey, ToValues(request?.Variables), http.GetActor(), ct);
            return TypedResults.Created($"/api/engine/process-instances/{instance.Id}", new StartProcessResponse(instance.Id, instance.State));
        });
        api.MapGet("/process-instances/{id:guid}", async (Guid id, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
            TypedResults.Ok(await engine.GetProcessInstanceAsync(id, http.GetActor(), ct)));
        api.MapGet("/process-instances/{id:guid}/history", async (Guid id, int? firstResult, int? maxResults, HttpContext http,
            ProcessEngine engine, CancellationToken ct) =>
        {
            var (first, max) = Paging.Check(firstResult, maxResults, defaultMax: Paging.Limit);
            return Paging.Ok(http, await engine.GetHistoryAsync(id, http.GetActor(), first, max, ct));
        });

        // firstResult / maxResults; skip / take are kept as their aliases.
        api.MapGet("/tasks", async (Guid? processInstanceId, string? assignee, string? candidateGroup, string? candidateUser,
            string? businessKey, bool? includeAssigned, int? firstResult, int? maxResults, int? skip, int? take, HttpContext http,
            ProcessEngine engine, CancellationToken ct) =>
        {
            var (first, max) = Paging.Check(firstResult ?? skip, maxResults ?? take, defaultMax: 50);
            var query = new TaskQuery(processInstanceId, assignee, candidateGroup, candidateUser, businessKey, first, max, includeAssigned ?? false);
            var actor = http.GetActor();
            var page = max == 0 ? [] : await engine.QueryTasksAsync(query, actor, ct);
            return Paging.Ok(http, new Page<TaskInfo>(page, await engine.CountTasksAsync(query, actor, ct)));
        });
        api.MapGet("/tasks/{id:guid}", async (Guid id, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
            TypedResults.Ok(await engine.GetTaskAsync(id, http.GetActor(), ct)));
        // The acting user is the request's (HttpContext.GetActor), never a field of the body.
        api.MapPost("/tasks/{id:guid}/claim", async (Guid id, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        {
            await engine.ClaimTaskAsync(id, http.GetActor(), ct);
            return Results.NoContent();
        });
        api.MapPost("/tasks/{id:guid}/unclaim", async (Guid id, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        {
            await engine.UnclaimTaskAsync(id, http.GetActor(), ct);
            return Results.NoContent();
        });
        api.MapPost("/tasks/{id:guid}/assignee", async (Guid id, SetAssigneeRequest request, HttpContext http, ProcessEngine engine,
            CancellationToken ct) =>
        {
            await engine.AssignTaskAsync(id, request.Assignee, http.GetActor(), ct);
            return Results.NoContent();
        });
        api.MapPost("/tasks/{id:guid}/delegate", async (Guid id, DelegateTaskRequest request, HttpContext http, ProcessEngine engine,
            CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Delegate))
                return Results.Problem(statusCode: 400, title: "Bad request", detail: "delegate (the user who gets the task) is required.");
            await engine.DelegateTaskAsync(id, request.Delegate, http.GetActor(), ct);
            return Results.NoContent();
        });
        api.MapPost("/tasks/{id:guid}/resolve", async (Guid id, CompleteTaskRequest? request, HttpContext http, ProcessEngine engine,
            CancellationToken ct) =>
        {
            await engine.ResolveTaskAsync(id, ToValues(request?.Variables), http.GetActor(), ct);
            return Results.NoContent();
        });
        api.MapPost("/tasks/{id:guid}/complete", async (Guid id, CompleteTaskRequest? request, HttpContext http, ProcessEngine engine,
            CancellationToken ct) =>
        {
            await engine.CompleteTaskAsync(id, ToValues(request?.Variables), http.GetActor(), ct);
            return Results.NoContent();
        });

        api.MapPost("/messages", async (CorrelateMessageRequest request, HttpContext http, ProcessEngine engine, EngineRuntime runtime,
            CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.MessageName))
                return Results.Problem(statusCode: 400, title: "Bad request", detail: "messageName is required.");
            TimeSpan? timeToLive = null;
            if (request.TimeToLive is { } ttlText)
            {
                if (!IsoDuration.TryParse(ttlText, out var duration))
                    return Results.Problem(statusCode: 400, title: "Bad request", detail: $"timeToLive: '{ttlText}' is not an ISO 8601 duration (e.g. PT1H).");
                var now = engine.Time.GetUtcNow();
                timeToLive = duration.AddTo(now, runtime.TimeZone) - now;
            }
            var result = await engine.CorrelateMessageAsync(new CorrelationRequest(request.MessageName, request.BusinessKey,
                request.ProcessInstanceId, ToValues(request.CorrelationKeys), ToValues(request.Variables), request.All ?? false, timeToLive),
                http.GetActor(), ct);
            return result.Buffered
                ? Results.Accepted(value: new BufferedMessageResponse(true, result.BufferedMessageId!.Value, result.ExpiresAt!.Value))
                : Results.Ok(new CorrelateMessageResponse(result.Correlated, result.ProcessInstanceIds));
        });

        api.MapGet("/incidents", async (Guid? processInstanceId, string? activityId, bool? open, int? firstResult, int? maxResults,
            HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        {
            var (first, max) = Paging.Check(firstResult, maxResults);
            return Paging.Ok(http, await engine.QueryIncidentsAsync(new IncidentQuery(processInstanceId, activityId, open ?? true, first, max),
                http.GetActor(), ct));
        });
        api.MapGet("/jobs", async (Guid? processInstanceId, string? activityId, string? kind, bool? withIncident, bool? suspended,
            int? firstResult, int? maxResults, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        {
            var (first, max) = Paging.Check(firstResult, maxResults);
            return Paging.Ok(http, await engine.QueryJobsAsync(
                new JobQuery(processInstanceId, activityId, kind, withIncident, suspended, first, max), http.GetActor(), ct));
        });
        api.MapPost("/jobs/{id:guid}/retry", async (Guid id, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        {
            await engine.RetryJobAsync(id, http.GetActor(), ct);
            return Results.NoContent();
        });
        api.MapPut("/jobs/{id:guid}/due-date", async (Guid id, SetJobDueDateRequest? request, HttpContext http, ProcessEngine engine,
            EngineRuntime runtime, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request?.DueDate))
                return Results.Problem(statusCode: 400, title: "Bad request", detail: "dueDate is required (ISO 8601, e.g. 2026-05-14T09:00:00+02:00).");
            DateTimeOffset dueDate;
            try
            {
                dueDate = TimerDates.ParseDate(request.DueDate, runtime.TimeZone);
            }
            catch (FormatException e)
            {
                return Results.Problem(statusCode: 400, title: "Bad request", detail: $"dueDate: {e.Message}");
            }
            await engine.SetJobDueDateAsync(id, dueDate, http.GetActor(), ct);
            return Results.NoContent();
        });

        api.MapOperatorApi();
        MapClock(app, api);
        return app;
    }

    /// <summary>The simulation clock exists only when the host runs a manual clock (Development/Testing); otherwise 404.</summary>
    private static void MapClock(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        if (app.ServiceProvider.GetRequiredService<TimeProvider>() is not ManualTimeProvider) return;
        api.MapGet("/clock", (TimeProvider clock) => TypedResults.Ok(new ClockResponse(clock.GetUtcNow())));
        api.MapPost("/clock/advance", async (AdvanceClockRequest request, TimeProvider clock, ProcessEngine engine, EngineRuntime runtime,
            CancellationToken ct) =>
        {
            IsoDuration duration;
            try
            {
                duration = IsoDuration.Parse(request.Duration ?? "");
            }
            catch (FormatException e)
            {
                return Results.Problem(statusCode: 400, title: "Bad request", detail: $"duration: {e.Message}");
            }
            var manual = (ManualTimeProvider)clock;
            var target = duration.AddTo(manual.GetUtcNow(), runtime.TimeZone);
            var executed = await ClockSimulator.AdvanceAsync(engine, manual, target, ct);
            return Results.Ok(new AdvanceClockResponse(manual.GetUtcNow(), executed));
        });
    }

    private static async Task<IResult> DeployAsync(HttpRequest request, ProcessEngine engine, EngineRuntime runtime, CancellationToken ct)
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
            return Results.Problem(statusCode: 400, title: "Bad request", detail: "Send one BPMN file as application/xml, or several as multipart/form-data.");
        var deployed = await engine.DeployAsync(resources, ct);
        return Results.Created("/api/engine/process-definitions",
            new DeploymentResponse(deployed.Select(d => new DeployedDefinitionResponse(d.Id, d.Key, d.Version, d.Name)).ToList()));
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

    private static Dictionary<string, object?>? ToValues(Dictionary<string, JsonElement>? variables) =>
        variables?.ToDictionary(v => v.Key, v => VariableSerializer.FromJsonElement(v.Value), StringComparer.Ordinal);
}
