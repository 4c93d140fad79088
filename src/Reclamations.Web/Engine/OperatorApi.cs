using System.Text.Json;
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
        var instances = api.MapGroup("/process-instances/{id:guid}");
        instances.MapPost("/cancel", async (Guid id, CancelProcessInstanceRequest? request, HttpContext http, ProcessEngine engine,
            CancellationToken ct) =>
        {
            await engine.CancelProcessInstanceAsync(id, request?.Reason ?? "", http.GetActor(), ct);
            return Results.NoContent();
        });
        instances.MapPost("/suspend", async (Guid id, SuspensionRequest? request, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        {
            await engine.SuspendProcessInstanceAsync(id, http.GetActor(), request?.Reason, ct);
            return Results.NoContent();
        });
        instances.MapPost("/activate", async (Guid id, SuspensionRequest? request, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        {
            await engine.ActivateProcessInstanceAsync(id, http.GetActor(), request?.Reason, ct);
            return Results.NoContent();
        });
        instances.MapPut("/variables/{name}", async (Guid id, string name, SetVariableRequest request, HttpContext http, ProcessEngine engine,
            CancellationToken ct) =>
        {
            object? value;
            try
            {
                value = TypedJsonValue.Convert(request.Value, request.Type);
            }
            catch (FormatException e)
            {
                return Results.Problem(statusCode: 400, title: "Bad request", detail: $"Variable '{name}', {e.Message}");
            }
            await engine.SetVariableAsync(id, name, value, http.GetActor(), ct);
            return Results.NoContent();
        });
        instances.MapGet("/activity-instances", async (Guid id, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
            TypedResults.Ok(await engine.GetActivityInstancesAsync(id, http.GetActor(), ct)));
        instances.MapPost("/modification", async (Guid id, ModificationRequest request, HttpContext http, ProcessEngine engine,
            CancellationToken ct) =>
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
                    return Results.Problem(statusCode: 400, title: "Bad request",
                        detail: $"instructions[{i}].type: '{instruction.Type}' is not cancel, startBeforeActivity or startAfterActivity.");
                instructions.Add(new ModificationInstruction(kind.Value, instruction.ActivityId, instruction.ActivityInstanceId,
                    instruction.AncestorActivityInstanceId, ToValues(instruction.Variables)));
            }
            await engine.ModifyProcessInstanceAsync(id, new ProcessInstanceModification(instructions, request.Annotation), http.GetActor(), ct);
            return Results.NoContent();
        });
        instances.MapPut("/legal-hold", async (Guid id, LegalHoldRequest request, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        {
            await engine.SetLegalHoldAsync(id, request.Hold, request.Reason ?? "", http.GetActor(), ct);
            return Results.NoContent();
        });

        api.MapPost("/incidents/{id:guid}/resolve", async (Guid id, ResolveIncidentRequest? request, HttpContext http, ProcessEngine engine,
            CancellationToken ct) =>
        {
            await engine.ResolveIncidentAsync(id, http.GetActor(), request?.Note, ct);
            return Results.NoContent();
        });

        api.MapGet("/history/cleanup", async (int? maxResults, HttpContext http, ProcessEngine engine, CancellationToken ct) =>
        {
            var (_, max) = Paging.Check(0, maxResults, defaultMax: 20);
            return TypedResults.Ok(await engine.GetHistoryCleanupReportAsync(http.GetActor(), max, ct));
        });
        api.MapPost("/history/cleanup", async (HttpContext http, ProcessEngine engine, CancellationToken ct) =>
            TypedResults.Ok(await engine.CleanupHistoryAsync(http.GetActor(), ct)));
        return api;
    }

    private static Dictionary<string, object?>? ToValues(Dictionary<string, JsonElement>? variables) =>
        variables?.ToDictionary(v => v.Key, v => VariableSerializer.FromJsonElement(v.Value), StringComparer.Ordinal);
}
