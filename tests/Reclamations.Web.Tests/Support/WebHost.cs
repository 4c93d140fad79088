using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Web.Accounts;

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
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    /// <summary>The password of the users <see cref="SignInAsync"/> creates.</summary>
    public const string UserPassword = "Test!2026-pass";

    private readonly ConcurrentDictionary<string, HttpClient> _signedIn = new(StringComparer.OrdinalIgnoreCase);

    public string Folder { get; }
    public string Environment { get; }
    public string WorkflowsFolder => Path.Combine(Folder, "workflows");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    /// <summary>A client signed in (bearer token from <c>POST /api/auth/login</c>) as the user with this e-mail, created
    /// first with these roles when absent. Returns the same client for the same e-mail.</summary>
    public async Task<HttpClient> SignInAsync(string email, params string[] roles)
    {
        if (_signedIn.TryGetValue(email, out var known)) return known;
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
                (await users.CreateAsync(user, UserPassword)).Succeeded.Should().BeTrue();
                if (roles.Length > 0) (await users.AddToRolesAsync(user, roles)).Succeeded.Should().BeTrue();
            }
        }
        var client = CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = UserPassword });
        login.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _signedIn.GetOrAdd(email, client);
    }

    /// <summary>Deletes the folder once every host on it is disposed.</summary>
    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}
