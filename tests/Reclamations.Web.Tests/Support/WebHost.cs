using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Reclamations.Web.Tests.Support;

/// <summary>The real web host on a real SQLite file in a temp folder, environment Testing, manual clock by default.
/// Two hosts made on the same <see cref="Folder"/> share the database, as a restarted app would.</summary>
public sealed class WebHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public WebHost(string? folder = null, bool manualClock = true, string environment = "Testing",
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "reclamations-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkflowsFolder);
        Environment = environment;
        _settings = new()
        {
            ["ConnectionStrings:Reclamations"] = $"Data Source={Path.Combine(Folder, "app.db")}",
            ["Storage:DataDirectory"] = Path.Combine(Folder, "data"),
            ["Workflows:Directory"] = WorkflowsFolder,
            ["Engine:Clock"] = manualClock ? "Manual" : "System",
            ["Engine:RunJobExecutor"] = "false",
            ["Mail:RunOutboxWorker"] = "false",
            ["DemoData"] = "false",
            ["Audit:Key"] = TestAuditKey,
            ["Retention:RunJob"] = "false",
        };
        foreach (var (key, value) in Reclamations.Testing.Hosting.TestFirm.Settings) _settings[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    /// <summary>The audit chain's key of the test hosts (the Testing environment has no appsettings file of its own).</summary>
    public const string TestAuditKey = "web-tests-audit-key-0123456789abcdef";

    public string Folder { get; }
    public string Environment { get; }
    public string WorkflowsFolder => Path.Combine(Folder, "workflows");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // Test accounts hash their password with few iterations: sign-in stays real, the suite stays quick.
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>A host on the repository's real workflows and letter templates (plus <paramref name="settings"/>).</summary>
    public static WebHost WithRealWorkflows(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Workflows:Directory"] = RepoFolders.Find("workflows"),
            ["Templates:Directory"] = RepoFolders.Find("templates"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new WebHost(settings: all);
    }

    /// <summary>Disposes the host and deletes its folder.</summary>
    public void DisposeAndDelete()
    {
        Dispose();
        DeleteFolder(Folder);
    }

    /// <summary>Deletes the folder once every host on it is disposed.</summary>
    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
