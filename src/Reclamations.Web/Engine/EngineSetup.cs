using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Api;
using Reclamations.Engine.Hosting;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Engine;

/// <summary>Hosts the engine: database provider, clock (system, or manual for simulations), deployment of workflows/*.bpmn.</summary>
public static class EngineSetup
{
    public static EngineBuilder AddReclamationsEngine(this WebApplicationBuilder builder, out string connectionString)
    {
        var config = builder.Configuration;
        var provider = config["Database:Provider"] ?? "Sqlite";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use 'Sqlite'.");
        connectionString = SqliteConnectionString(config.GetConnectionString("Reclamations") ?? "Data Source=data/reclamations.db",
            builder.Environment.ContentRootPath);

        if (ManualClockAllowed(builder.Environment, config))
            builder.Services.AddSingleton<TimeProvider>(new ManualTimeProvider(TimeProvider.System.GetUtcNow()));
        else
            builder.Services.AddSingleton(TimeProvider.System);

        var engineConnection = connectionString;
        return builder.Services.AddProcessEngine(db => db.UseEngineSqlite(engineConnection), o =>
        {
            EngineLimitsSettings.Apply(config, o);
            o.TimeZoneId = config["Engine:TimeZone"] ?? o.TimeZoneId;
            if (bool.TryParse(config["Engine:RunJobExecutor"], out var run)) o.RunJobExecutor = run;
        });
    }

    /// <summary><c>Engine:Clock=Manual</c> is honoured only in Development and Testing.</summary>
    public static bool ManualClockAllowed(IHostEnvironment environment, IConfiguration config) =>
        string.Equals(config["Engine:Clock"], "Manual", StringComparison.OrdinalIgnoreCase)
        && (environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    private static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        return builder.ToString();
    }

    /// <summary>Migrates the database and deploys every BPMN file of the workflows folder: a file that differs from the last version
    /// deployed from it becomes a new version, unless a later version was deployed through the API (then a warning names both).</summary>
    public static async Task PrepareEngineAsync(this WebApplication app)
    {
        await EngineDatabase.MigrateAsync(app.Services.GetRequiredService<IDbContextFactory<EngineDbContext>>());
        var folder = app.Configuration["Workflows:Directory"]
                     ?? RepositoryPaths.Find("workflows", app.Environment.ContentRootPath, AppContext.BaseDirectory);
        if (folder is null || !Directory.Exists(folder))
        {
            app.Logger.LogWarning("No workflows folder found: nothing deployed at start-up");
            return;
        }
        var resources = Directory.GetFiles(folder, "*.bpmn").Order(StringComparer.Ordinal)
            .Select(f => new BpmnResource(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        if (resources.Count == 0) return;
        var deployed = await app.Services.GetRequiredService<ProcessEngine>().DeployAsync(resources, DeploymentSource.Files);
        foreach (var d in deployed)
            app.Logger.LogInformation("Process {Key} version {Version} {State}", d.Key, d.Version,
                d.IsNew ? "deployed" : d.NotDeployed is null ? "unchanged" : "kept (a later version came through the API)");
    }
}
