using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Variables;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Engine;

/// <summary>Operator routes under /api/engine: the engine allows them to its operator groups only (403 otherwise) and
/// records each in the instance's history with the operator.</summary>
public static class OperatorApi
{
    public static RouteGroupBuilder MapOperatorApi(this RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/process-instances/{id:guid}").ProducesProblem(StatusCodes.Status404NotFound);
        instances.MapPost("/cancel", CancelAsync).WithName("CancelProcessInstance")
            .WithSummary("Cancels an instance (a reason is required; end listeners run).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        instances.MapPost("/suspend", SuspendAsync).WithName("SuspendProcessInstance")
            .WithSummary("Suspends an instance: no job acquired, tasks 409, no message delivered.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        instances.MapPost("/activate", ActivateAsync).WithName("ActivateProcessInstance").WithSummary("Activates a suspended instance.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        instances.MapPut("/variables/{name}", SetVariableAsync).WithName("SetProcessVariable")
            .WithSummary("Sets a variable of an instance (type optional: string, boolean, long, double, date, json).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        instances.MapGet("/activity-instances", GetActivityInstancesAsync).WithName("GetActivityInstances")
            .WithSummary("The activity instance tree of an instance.");
        instances.MapPost("/modification", ModifyAsync).WithName("ModifyProcessInstance")
            .WithSummary("Cancels activities and starts others (Camunda 7's modification).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        instances.MapPut("/legal-hold", SetLegalHoldAsync).WithName("SetLegalHold")
            .WithSummary("Puts an instance under legal hold (history kept past its time to live), or lifts it.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/incidents/{id:guid}/resolve", ResolveIncidentAsync).WithName("ResolveIncident").WithSummary("Resolves an incident.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/history/cleanup", GetCleanupReportAsync).WithName("GetHistoryCleanupReport")
            .WithSummary("History clean-up: settings, instances due, last runs.").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/history/cleanup", CleanupHistoryAsync).WithName("CleanupHistory").WithSummary("Runs the history clean-up now.");
        return api;
    }

    public static async Task<NoContent> CancelAsync(Guid id, CancelProcessInstanceRequest? request, HttpContext http, ProcessEngine engine,
        CancellationToken ct)
    {
        await engine.CancelProcessInstanceAsync(id, request?.Reason ?? "", http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SuspendAsync(Guid id, SuspensionRequest? request, HttpContext http, ProcessEngine engine,
        CancellationToken ct)
    {
        await engine.SuspendProcessInstanceAsync(id, http.GetActor(), request?.Reason, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ActivateAsync(Guid id, SuspensionRequest? request, HttpContext http, ProcessEngine engine,
        CancellationToken ct)
    {
        await engine.ActivateProcessInstanceAsync(id, http.GetActor(), request?.Reason, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetVariableAsync(Guid id, string name, SetVariableRequest request,
        HttpContext http, ProcessEngine engine, CancellationToken ct)
    {
        object? value;
        try
        {
            value = TypedJsonValue.Convert(request.Value, request.Type);
        }
        catch (FormatException e)
        {
            return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: $"Variable '{name}', {e.Message}");
        }
        await engine.SetVariableAsync(id, name, value, http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<ActivityInstanceInfo>>> GetActivityInstancesAsync(Guid id, HttpContext http,
        ProcessEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.GetActivityInstancesAsync(id, http.GetActor(), ct));

    public static async Task<Results<NoContent, ProblemHttpResult>> ModifyAsync(Guid id, ModificationRequest request, HttpContext http,
        ProcessEngine engine, CancellationToken ct)
    {
        var instructions = new List<ModificationInstruction>();
        foreach (var (instruction, i) in (request.Instructions ?? []).Select((x, i) => (x, i)))
        {
            ModificationKind? kind = instruction.Type switch
            {
                "cancel" => ModificationKind.Cancel,
                "startBeforeActivity" => ModificationKind.StartBeforeActivity,
                "startAfterActivity" => ModificationKind.StartAfterActivity,
                _ => null,
            };
            if (kind is null)
                return TypedResults.Problem(statusCode: 400, title: "Bad request",
                    detail: $"instructions[{i}].type: '{instruction.Type}' is not cancel, startBeforeActivity or startAfterActivity.");
            instructions.Add(new ModificationInstruction(kind.Value, instruction.ActivityId, instruction.ActivityInstanceId,
                instruction.AncestorActivityInstanceId, EngineApi.ToValues(instruction.Variables)));
        }
        await engine.ModifyProcessInstanceAsync(id, new ProcessInstanceModification(instructions, request.Annotation), http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SetLegalHoldAsync(Guid id, LegalHoldRequest request, HttpContext http, ProcessEngine engine,
        CancellationToken ct)
    {
        await engine.SetLegalHoldAsync(id, request.Hold, request.Reason ?? "", http.GetActor(), ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> ResolveIncidentAsync(Guid id, ResolveIncidentRequest? request, HttpContext http, ProcessEngine engine,
        CancellationToken ct)
    {
        await engine.ResolveIncidentAsync(id, http.GetActor(), request?.Note, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<HistoryCleanupReport>> GetCleanupReportAsync(int? maxResults, HttpContext http, ProcessEngine engine,
        CancellationToken ct)
    {
        var (_, max) = Paging.Check(0, maxResults, defaultMax: 20);
        return TypedResults.Ok(await engine.GetHistoryCleanupReportAsync(http.GetActor(), max, ct));
    }

    public static async Task<Ok<HistoryCleanupRunInfo>> CleanupHistoryAsync(HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.CleanupHistoryAsync(http.GetActor(), ct));
}
