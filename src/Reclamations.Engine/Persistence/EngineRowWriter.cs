using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Reclamations.Engine.Persistence;

/// <summary>Saves the context's tracked changes. On SQLite without EF's update pipeline: one prepared command per
/// (table, operation) per flush — for UPDATE per set of modified columns, which alone are set, as EF does (SQLite rewrites
/// the entry of every index whose column is set, changed or not) — executed once per row, with SQL generated once from EF
/// metadata and parameters built by the properties' type mappings (so value converters apply exactly as in EF). Inserts run
/// principals first, deletes dependents first; UPDATE and DELETE match the key and the concurrency tokens' original
/// values and throw <see cref="DbUpdateConcurrencyException"/> unless exactly one row matched. Elsewhere
/// <c>SaveChangesAsync</c>. Supports what the engine maps: one table per entity type, no owned types, no inheritance,
/// store-generated values only for integer autoincrement keys.</summary>
internal static class EngineRowWriter
{
    public static async Task SaveAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        var tracker = db.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            tracker.DetectChanges();
            var added = new List<EntityEntry>();
            var modified = new List<EntityEntry>();
            var deleted = new List<EntityEntry>();
            foreach (var entry in tracker.Entries())
            {
                switch (entry.State)
                {
                    case EntityState.Added: added.Add(entry); break;
                    case EntityState.Modified: modified.Add(entry); break;
                    case EntityState.Deleted: deleted.Add(entry); break;
                }
            }
            if (added.Count + modified.Count + deleted.Count == 0) return;
            // Like SaveChanges: in the current transaction, else in one of its own.
            await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var commands = new Dictionary<(IEntityType, RowOperation, ulong), PreparedRowCommand>();
            try
            {
                var connection = db.Database.GetDbConnection();
                var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                foreach (var entry in deleted.OrderByDescending(e => Depth(e.Metadata)))
                    await Command(commands, connection, transaction, entry.Metadata, RowOperation.Delete).ExecuteAsync(entry, ct);
                foreach (var entry in added.OrderBy(e => Depth(e.Metadata)))
                    await Command(commands, connection, transaction, entry.Metadata, RowOperation.Insert).ExecuteAsync(entry, ct);
                foreach (var entry in modified)
                    await UpdateCommand(commands, connection, transaction, entry).ExecuteAsync(entry, ct);
            }
            finally
            {
                foreach (var command in commands.Values) await command.DisposeAsync();
            }
            if (own is not null) await own.CommitAsync(ct);
            tracker.AcceptAllChanges();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static PreparedRowCommand Command(Dictionary<(IEntityType, RowOperation, ulong), PreparedRowCommand> commands,
        DbConnection connection, DbTransaction transaction, IEntityType type, RowOperation operation)
    {
        if (!commands.TryGetValue((type, operation, 0), out var command))
            commands[(type, operation, 0)] = command = new PreparedRowCommand(connection, transaction, RowStatement.For(type, operation));
        return command;
    }

    /// <summary>An UPDATE setting the entry's modified columns only (one prepared command per set of columns).</summary>
    private static PreparedRowCommand UpdateCommand(Dictionary<(IEntityType, RowOperation, ulong), PreparedRowCommand> commands,
        DbConnection connection, DbTransaction transaction, EntityEntry entry)
    {
        var mask = RowStatement.ModifiedMask(entry);
        if (mask == 0) return Command(commands, connection, transaction, entry.Metadata, RowOperation.Update);
        if (!commands.TryGetValue((entry.Metadata, RowOperation.Update, mask), out var command))
            commands[(entry.Metadata, RowOperation.Update, mask)] = command =
                new PreparedRowCommand(connection, transaction, RowStatement.ForUpdate(entry.Metadata, mask));
        return command;
    }

    /// <summary>Length of the longest chain of foreign keys to principals (0 for a type with none).</summary>
    private static int Depth(IEntityType type, int guard = 0) =>
        guard > 16 ? guard : type.GetForeignKeys().Select(f => f.PrincipalEntityType).Where(p => p != type)
            .Select(p => 1 + Depth(p, guard + 1)).DefaultIfEmpty(0).Max();
}
