using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reclamations.Testing.Mail;

namespace Reclamations.Browser.Tests.Support;

/// <summary>One app (real Kestrel on a loopback port, real SQLite file, real workflows and templates, demo users, a real
/// SMTP server) and one headless Debian chromium, shared by every test of the collection.</summary>
public class BrowserApp : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reclamations-browser-tests", Guid.NewGuid().ToString("N"));
    private AppFactory? _factory;
    private IPlaywright? _playwright;

    public SmtpServerFixture Smtp { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Where screenshots go (test artefacts, not committed).</summary>
    public static string ScreenshotFolder { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: ./test.sh installs Debian's chromium package.");
        await Smtp.InitializeAsync();
        _factory = new AppFactory(_folder, Smtp);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (no cookies) with a page opened.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await Smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    private sealed class AppFactory(string folder, SmtpServerFixture smtp) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Reclamations"] = $"Data Source={Path.Combine(folder, "app.db")}",
                ["Storage:DataDirectory"] = Path.Combine(folder, "data"),
                ["Workflows:Directory"] = RepoFolders.Find("workflows"),
                ["Templates:Directory"] = RepoFolders.Find("templates"),
                ["Engine:Clock"] = "Manual",
                ["DemoData"] = "true",
                ["Audit:Key"] = "browser-tests-audit-key-0123456789abcdef",
                ["Mail:Smtp:Host"] = smtp.Host,
                ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Smtp:Security"] = "None",
            };
            foreach (var (key, value) in Reclamations.Testing.Hosting.TestFirm.Settings.Concat(settings)) builder.UseSetting(key, value);
        }
    }
}

/// <summary>The studio's app: its own host, database and browser, so that the process versions its tests deploy never
/// reach the back office's tests.</summary>
public sealed class StudioApp : BrowserApp;

[CollectionDefinition(Name)]
public sealed class StudioCollection : ICollectionFixture<StudioApp>
{
    public const string Name = "studio";
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
