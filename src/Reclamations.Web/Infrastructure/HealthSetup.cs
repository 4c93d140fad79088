using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Reclamations.Engine.Persistence;

namespace Reclamations.Web.Infrastructure;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers), without sign-in.</summary>
public static class HealthSetup
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    private sealed class DatabaseHealthCheck(IDbContextFactory<EngineDbContext> factory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                // A real read of a migrated table: an unreachable file or a missing schema both fail here.
                var definitions = await db.ProcessDefinitions.CountAsync(ct);
                return HealthCheckResult.Healthy($"{definitions} process definitions");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", e);
            }
        }
    }
}
