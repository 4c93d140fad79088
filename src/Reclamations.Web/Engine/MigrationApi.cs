using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Engine;

/// <summary>Camunda 7's migration routes under /api/engine/migration: generate a plan (equal activities), validate it for chosen
/// instances (nothing changes), execute it (one transaction per instance). The engine allows them to its operators only.</summary>
public static class MigrationApi
{
    /// <summary>The two versions of a plan to generate.</summary>
    public sealed record MigrationPlanRequest(string? SourceProcessDefinitionId, string? TargetProcessDefinitionId);

    /// <summary>A plan and the instances it applies to.</summary>
    public sealed record MigrationRequest(MigrationPlan? MigrationPlan, IReadOnlyList<Guid>? ProcessInstanceIds);

    public static RouteGroupBuilder MapMigrationApi(this RouteGroupBuilder api)
    {
        var migration = api.MapGroup("/migration").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Accounts.Policies.Operates);
        migration.MapPost("/generate", GenerateAsync).WithName("GenerateMigrationPlan")
            .WithSummary("A migration plan mapping every element onto the one with the same id and kind in the target version.");
        migration.MapPost("/validate", ValidateAsync).WithName("ValidateMigration")
            .WithSummary("What the plan would do for each instance (moves, new triggers) or why it cannot; changes nothing.");
        migration.MapPost("/execute", ExecuteAsync).WithName("ExecuteMigration")
            .WithSummary("Moves each instance onto the target version in its own transaction; a refused instance stays as it was.");
        return api;
    }

    public static async Task<Ok<MigrationPlan>> GenerateAsync(MigrationPlanRequest request, HttpContext http, ProcessEngine engine,
        CancellationToken ct) =>
        TypedResults.Ok(await engine.CreateMigrationPlanAsync(
            Required(request.SourceProcessDefinitionId, "sourceProcessDefinitionId"),
            Required(request.TargetProcessDefinitionId, "targetProcessDefinitionId"), http.GetActor(), ct));

    public static async Task<Ok<IReadOnlyList<InstanceMigrationReport>>> ValidateAsync(MigrationRequest request, HttpContext http,
        ProcessEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.ValidateMigrationAsync(Plan(request), request.ProcessInstanceIds ?? [], http.GetActor(), ct));

    public static async Task<Ok<IReadOnlyList<InstanceMigrationReport>>> ExecuteAsync(MigrationRequest request, HttpContext http,
        ProcessEngine engine, CancellationToken ct) =>
        TypedResults.Ok(await engine.MigrateAsync(Plan(request), request.ProcessInstanceIds ?? [], http.GetActor(), ct));

    private static MigrationPlan Plan(MigrationRequest request) =>
        request.MigrationPlan is { SourceProcessDefinitionId.Length: > 0, TargetProcessDefinitionId.Length: > 0 } plan
            ? plan with { Instructions = plan.Instructions ?? [] }
            : throw new RejectedException("migrationPlan: give sourceProcessDefinitionId, targetProcessDefinitionId and instructions.");

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new RejectedException($"{name}: required.") : value;
}
