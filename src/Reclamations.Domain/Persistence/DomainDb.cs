using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Audit;
using Reclamations.Engine.Api;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Persistence;

namespace Reclamations.Domain.Persistence;

/// <summary>Provider set-up, schema migration and seeding of the domain store.</summary>
public static class DomainDb
{
    /// <summary>The SQLite file (the engine's), with the engine's pragmas and the domain's own migrations history table.</summary>
    public static DbContextOptionsBuilder UseDomainSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseEngineSqlite(connectionString)
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(DomainDbContext.MigrationsHistoryTable));

    /// <summary>The audit chain's key for every context built with these options: their audit rows are sealed as they are
    /// written (a context without it refuses to write an audit row).</summary>
    public static DbContextOptionsBuilder UseAuditChain(this DbContextOptionsBuilder options, AuditChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new AuditChainOptionsExtension(chain));
        return options;
    }

    /// <summary>
    /// A context on an existing open connection and its transaction (the engine's, in a service-task
    /// handler), so that its <c>SaveChanges</c> commits or rolls back with the engine step. The caller
    /// owns the connection and the transaction; disposing the context leaves both alone. <paramref name="chain"/>: the
    /// audit chain its audit rows are sealed into (without it, writing an audit row fails).
    /// </summary>
    public static DomainDbContext On(DbConnection connection, DbTransaction transaction, AuditChain? chain = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (connection is not SqliteConnection sqlite)
        {
            throw new NotSupportedException($"DomainDb.On supports SQLite connections only, not {connection.GetType().Name}.");
        }

        if (!ReferenceEquals(transaction.Connection, connection))
        {
            throw new ArgumentException("The transaction does not belong to the connection.", nameof(transaction));
        }

        var options = new DbContextOptionsBuilder<DomainDbContext>()
            .UseSqlite(sqlite, o => o.MigrationsHistoryTable(DomainDbContext.MigrationsHistoryTable));
        if (chain is not null) options.UseAuditChain(chain);
        var db = new DomainDbContext(options.Options);
        db.Database.UseTransaction(transaction);
        return db;
    }

    /// <summary>A context on the engine's connection and transaction of a service task: its changes commit with the step.</summary>
    public static DomainDbContext On(ServiceTaskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return On(context.Connection, context.Transaction, context.Services.GetService<AuditChain>());
    }

    /// <summary>A context on the engine's connection and transaction lent to the caller (a process start): its changes
    /// commit with the engine's.</summary>
    public static DomainDbContext On(EngineTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return On(transaction.Connection, transaction.Transaction, transaction.Services.GetService<AuditChain>());
    }

    /// <summary>Applies pending migrations (WAL on SQLite) and seeds the default profiles and categories into empty tables.</summary>
    public static async Task MigrateAsync(IDbContextFactory<DomainDbContext> factory, TimeProvider timeProvider, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
        await AuditChainMigration.ChainUnsealedRowsAsync(db, ct);
        await DomainSeed.EnsureAsync(db, timeProvider.GetUtcNow(), ct);
    }
}
