using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Reclamations.Engine.Persistence;

/// <summary>Provider set-up and schema migration.</summary>
public static class EngineDatabase
{
    /// <summary>SQLite file with the engine's pragmas. Creates the folder of the file if needed.</summary>
    public static DbContextOptionsBuilder UseEngineSqlite(this DbContextOptionsBuilder options, string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        return options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor());
    }

    /// <summary>Applies pending migrations and, on SQLite, switches the file to WAL.</summary>
    public static async Task MigrateAsync(IDbContextFactory<EngineDbContext> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
    }
}
