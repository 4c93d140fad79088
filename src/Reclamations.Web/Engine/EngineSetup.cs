using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Api;
using Reclamations.Engine.Hosting;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Timers;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Engine;

/// <summary>Hosts the engine: database provider, clock (system, or manual for simulations), deployment of workflows/*.bpmn.</summary>
public static class EngineSetup
{
    public static EngineBuilder AddReclamationsEngine(this WebApplicationBuilder builder, out string connectionString) =>
        builder.Services.AddReclamationsEngine(builder.Configuration, builder.Environment, out connectionString);

    /// <summary>The engine's registrations on any service collection: the app's, and a simulation sandbox's (its own
    /// configuration, <see cref="Reclamations.Web.Studio.Simulation.SandboxComposition"/>).</summary>
    public static EngineBuilder AddReclamationsEngine(this IServiceCollection services, IConfiguration config, IHostEnvironment environment,
        out string connectionString)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use 'Sqlite'.");
        connectionString = SqliteConnectionString(config.GetConnectionString("Reclamations") ?? "Data Source=data/reclamations.db",
            environment.ContentRootPath);

        if (ManualClockAllowed(environment, config))
            services.AddSingleton<TimeProvider>(new ManualTimeProvider(TimeProvider.System.GetUtcNow()));
        else
            services.AddSingleton(TimeProvider.System);

        var engineConnection = connectionString;
        return services.AddProcessEngine(db => db.UseEngineSqlite(engineConnection), o =>
        {
            EngineLimitsSettings.Apply(config, o);
            o.TimeZoneId = config["Engine:TimeZone"] ?? o.TimeZoneId;
            if (bool.TryParse(config["Engine:RunJobExecutor"], out var run)) o.RunJobExecutor = run;
            o.SupervisorGroups = Groups(config, "Engine:SupervisorGroups") ?? o.SupervisorGroups;
            o.StarterGroups = Groups(config, "Engine:StarterGroups") ?? o.StarterGroups;
            o.MessageSenderGroups = Groups(config, "Engine:MessageSenderGroups") ?? o.MessageSenderGroups;
            // Without Engine:NodeId the engine takes the host name + a hash of the content root (NodeIdentity.Default).
            if (config["Engine:NodeId"] is { Length: > 0 } nodeId) o.NodeId = nodeId;
            o.LockDuration = Duration(config, "Engine:LockDuration") ?? o.LockDuration;
            o.JobPollInterval = Duration(config, "Engine:JobPollInterval") ?? o.JobPollInterval;
            o.MinimumCyclePeriod = Duration(config, "Engine:MinimumCyclePeriod") ?? o.MinimumCyclePeriod;
            o.OperatorGroups = Groups(config, "Engine:OperatorGroups") ?? o.OperatorGroups;
            o.DateReviserGroups = Groups(config, "Engine:DateReviserGroups") ?? o.DateReviserGroups;
            o.MigratorGroups = Groups(config, "Engine:MigratorGroups") ?? o.MigratorGroups;
            // The complaint's stored regulatory dates: revised only with the facts they come from, never by hand.
            o.OperatorProtectedVariables = new HashSet<string>(o.OperatorProtectedVariables.Concat(Reclamations.Domain.Workflow.DeadlineVariables.Names),
                StringComparer.Ordinal);
            if (config["Engine:DefaultHistoryTimeToLive"] is { Length: > 0 } ttl)
                o.DefaultHistoryTimeToLive = Days("Engine:DefaultHistoryTimeToLive", ttl);
            if (config["Engine:MinimumHistoryTimeToLive"] is { Length: > 0 } minimum)
                o.MinimumHistoryTimeToLive = Days("Engine:MinimumHistoryTimeToLive", minimum);
            if (config["Engine:HistoryCleanupWindow"] is { } window) o.HistoryCleanupWindow = window.Length == 0 ? null : CleanupWindow.Parse(window).ToString();
            if (int.TryParse(config["Engine:HistoryCleanupBatchSize"], out var batch) && batch > 0) o.HistoryCleanupBatchSize = batch;
        });
    }

    /// <summary>A role list: a JSON array, or one comma-separated string; null when not configured (the default stays).
    /// A configured list replaces the default, it is not added to it.</summary>
    private static string[]? Groups(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var items = section.Value is { Length: > 0 } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
        return section.Exists() ? items : null;
    }

    /// <summary>An ISO 8601 duration (PT5M) or a TimeSpan (00:05:00); a bad value names the key.</summary>
    private static TimeSpan? Duration(IConfiguration config, string key)
    {
        var text = config[key];
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (IsoDuration.TryParse(text, out var iso) && iso is { Years: 0, Months: 0 }) return TimeSpan.FromDays(iso.Weeks * 7 + iso.Days) + iso.Time;
        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero) return span;
        throw new InvalidOperationException($"{key} '{text}' is not a duration (e.g. PT5M or 00:05:00).");
    }


    /// <summary>A time to live in days: <c>1827</c> or <c>P1827D</c> (as <c>camunda:historyTimeToLive</c>).</summary>
    private static TimeSpan Days(string key, string text)
    {
        try
        {
            return Reclamations.Engine.Parsing.HistoryTimeToLiveReader.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{key}: {e.Message}.", e);
        }
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
