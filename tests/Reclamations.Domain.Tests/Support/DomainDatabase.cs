using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Tests.Support;

/// <summary>A real SQLite file in a temp folder, migrated and seeded, with a fake clock.</summary>
internal sealed class DomainDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(1));

    /// <summary>The audit chain of the test databases (the key a test configuration would give).</summary>
    public static readonly AuditChain AuditChain = new("domain-tests-audit-key-0123456789abcdef");

    private DomainDatabase(FakeTimeProvider clock)
    {
        Folder = Path.Combine(Path.GetTempPath(), "reclamations-domain-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Clock = clock;
        Factory = NewFactory();
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "reclamations.db");

    public string ConnectionString => $"Data Source={DatabasePath}";

    public FakeTimeProvider Clock { get; }

    public TestDbFactory Factory { get; }

    public static async Task<DomainDatabase> CreateAsync(DateTimeOffset? now = null)
    {
        var database = new DomainDatabase(new FakeTimeProvider(now ?? Epoch));
        await DomainDb.MigrateAsync(database.Factory, database.Clock);
        return database;
    }

    /// <summary>Another factory on the same file (another connection pool user, as another process would be).</summary>
    public TestDbFactory NewFactory() => new(ConnectionString);

    public DomainDbContext Open() => Factory.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temp folder is cleaned up later.
        }
    }

    /// <summary>Creates contexts on the file; <see cref="FailNextSave"/> makes the next SaveChanges throw.</summary>
    internal sealed class TestDbFactory(string connectionString) : SaveChangesInterceptor, IDbContextFactory<DomainDbContext>
    {
        public bool FailNextSave { get; set; }

        public DomainDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<DomainDbContext>();
            options.UseDomainSqlite(connectionString).UseAuditChain(AuditChain).AddInterceptors(this);
            return new DomainDbContext(options.Options);
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            FailIfAsked();
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            FailIfAsked();
            return ValueTask.FromResult(result);
        }

        private void FailIfAsked()
        {
            if (!FailNextSave) return;
            FailNextSave = false;
            throw new InvalidOperationException("Simulated failure while saving.");
        }
    }
}
