using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Hosting;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Runtime;

namespace Reclamations.Bench;

/// <summary>An engine on a fresh SQLite file (temp folder), fake clock, a no-op handler under topic "work".</summary>
internal sealed class BenchEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder;

    private BenchEngine(ServiceProvider services, string folder, FakeTimeProvider clock)
    {
        _services = services;
        _folder = folder;
        Clock = clock;
        Engine = services.GetRequiredService<ProcessEngine>();
    }

    public ProcessEngine Engine { get; }
    public FakeTimeProvider Clock { get; }
    public string DatabasePath => Path.Combine(_folder, "bench.db");

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reclamations-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static async Task<BenchEngine> CreateAsync()
    {
        var folder = NewFolder();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Error));
        services.AddSingleton<TimeProvider>(clock);
        services.AddProcessEngine(db =>
            {
                db.UseEngineSqlite($"Data Source={Path.Combine(folder, "bench.db")}");
                if (StatementTrace.Enabled) db.AddInterceptors(new StatementTrace()); // BENCH_STATEMENTS=1
            }, o =>
            {
                o.RunJobExecutor = false;
                o.JobBatchSize = 200;
            })
            .AddServiceTaskHandler<NoOpHandler>("work");
        var provider = services.BuildServiceProvider();
        await EngineDatabase.MigrateAsync(provider.GetRequiredService<IDbContextFactory<EngineDbContext>>());
        return new BenchEngine(provider, folder, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); }
        catch (IOException) { }
    }

    private sealed class NoOpHandler : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
    }
}
