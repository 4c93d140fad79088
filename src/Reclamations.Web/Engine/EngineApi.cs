using System.Text.Json;
using Reclamations.Engine.Api;
using Reclamations.Engine.Hosting;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Timers;
using Reclamations.Engine.Variables;

namespace Reclamations.Web.Engine;

/// <summary>The engine's REST API under /api/engine.</summary>
public static class EngineApi
{
    public static IEndpointRouteBuilder MapEngineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/engine").WithTags("Engine");

        api.MapPost("/deployments", DeployAsync).WithName("Deploy").DisableAntiforgery();
        api.MapGet("/process-definitions", async (ProcessEngine engine, CancellationToken ct) =>
            TypedResults.Ok(await engine.GetProcessDefinitionsAsync(ct: ct)));
        api.MapGet("/process-definitions/{key}/xml", async (string key, int? version, ProcessEngine engine, CancellationToken ct) =>
            Results.Text(await engine.GetProcessDefinitionXmlAsync(key, version, ct), "application/xml"));
        api.MapPost("/process-definitions/{key}/start", async (string key, StartProcessRequest? request, ProcessEngine engine, CancellationToken ct) =>
        {
            var instance = await engine.StartProcessAsync(key, request?.BusinessKey, ToValues(request?.Variables), request?.UserId, ct);
            return TypedResults.Created($"/api/engine/process-instances/{instance.Id}", new StartProcessResponse(instance.Id, instance.State));
        });
        api.MapGet("/process-instances/{id:guid}", async (Guid id, ProcessEngine engine, CancellationToken ct) =>
            TypedResults.Ok(await engine.GetProcessInstanceAsync(id, ct)));
        api.MapGet("/process-instances/{id:guid}/history", async (Guid id, ProcessEngine engine, CancellationToken ct) =>
            TypedResults.Ok(await engine.GetHistoryAsync(id, ct)));

        api.MapGet("/tasks", async (Guid? processInstanceId, string? assignee, string? candidateGroup, string? candidateUser,
                string? businessKey, bool? includeAssigned, int? skip, int? take, ProcessEngine engine, CancellationToken ct) =>
            TypedResults.Ok(await engine.QueryTasksAsync(
                new TaskQuery(processInstanceId, assignee, candidateGroup, candidateUser, businessKey, skip ?? 0, take ?? 50,
                    includeAssigned ?? false), ct)));
        api.MapGet("/tasks/{id:guid}", async (Guid id, ProcessEngine engine, CancellationToken ct) =>
            TypedResults.Ok(await engine.GetTaskAsync(id, ct)));
        api.MapPost("/tasks/{id:guid}/claim", async (Guid id, ClaimTaskRequest request, ProcessEngine engine, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserId)) return Results.Problem(statusCode: 400, title: "Bad request", detail: "userId is required.");
            await engine.ClaimTaskAsync(id, request.UserId, ct);
            return Results.NoContent();
        });
        api.MapPost("/tasks/{id:guid}/unclaim", async (Guid id, ClaimTaskRequest? request, ProcessEngine engine, CancellationToken ct) =>
        {
            await engine.UnclaimTaskAsync(id, request?.UserId, ct);
            return Results.NoContent();
        });
        api.MapPost("/tasks/{id:guid}/complete", async (Guid id, CompleteTaskRequest? request, ProcessEngine engine, CancellationToken ct) =>
        {
            await engine.CompleteTaskAsync(id, ToValues(request?.Variables), request?.UserId, ct);
            return Results.NoContent();
        });

        api.MapPost("/messages", async (CorrelateMessageRequest request, ProcessEngine engine, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.MessageName))
                return Results.Problem(statusCode: 400, title: "Bad request", detail: "messageName is required.");
            var count = await engine.CorrelateMessageAsync(request.MessageName, request.BusinessKey, request.ProcessInstanceId,
                ToValues(request.Variables), ct: ct);
            return count == 0
                ? Results.Problem(statusCode: 404, title: "Nothing waits for this message",
                    detail: $"No process waits for message '{request.MessageName}'" +
                            (request.BusinessKey is null ? "" : $" with business key '{request.BusinessKey}'") +
                            (request.ProcessInstanceId is null ? "" : $" in instance '{request.ProcessInstanceId}'") + ".")
                : Results.Ok(new CorrelateMessageResponse(count));
        });

        api.MapGet("/incidents", async (ProcessEngine engine, CancellationToken ct) => TypedResults.Ok(await engine.GetIncidentsAsync(ct: ct)));
        api.MapGet("/jobs", async (Guid? processInstanceId, ProcessEngine engine, CancellationToken ct) =>
            TypedResults.Ok(await engine.GetJobsAsync(processInstanceId, ct)));
        api.MapPost("/jobs/{id:guid}/retry", async (Guid id, ProcessEngine engine, CancellationToken ct) =>
        {
            await engine.RetryJobAsync(id, ct: ct);
            return Results.NoContent();
        });

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
