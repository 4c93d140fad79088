using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting;

namespace Reclamations.Domain.Persistence;

public sealed partial class DomainDbContext
{
    /// <summary>Saves, keeping the dashboard's counts (<see cref="DashboardCounts"/>) equal to the register: inside the
    /// transaction (the caller's, else one of its own), the contributions of the complaints this save touches are subtracted
    /// before it writes and added back after.</summary>
    private async Task<int> SaveCountedAsync(bool acceptAllChangesOnSuccess, bool async, CancellationToken ct)
    {
        var ids = CountedComplaints();
        if (ids.Count == 0 || !Database.IsSqlite())
            return async ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct) : base.SaveChanges(acceptAllChangesOnSuccess);

        var own = Database.CurrentTransaction is null
            ? async ? await Database.BeginTransactionAsync(ct) : Database.BeginTransaction()
            : null;
        try
        {
            var connection = Database.GetDbConnection();
            var transaction = Database.CurrentTransaction!.GetDbTransaction();
            var zone = await ScalarAsync(connection, transaction, DashboardCounts.ReadState, async, ct) as string;
            var statements = zone is null ? null : DashboardCounts.For(zone);
            statements?.Register(connection);
            var json = JsonSerializer.Serialize(ids.Select(id => id.ToString("D").ToUpperInvariant()));
            if (statements is not null) await ApplyAsync(connection, transaction, statements.ForIds(), json, -1, async, ct);
            int count;
            try
            {
                count = async ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct) : base.SaveChanges(acceptAllChangesOnSuccess);
            }
            catch when (own is null && statements is not null)
            {
                // In the caller's transaction EF rolled the failed save back to its savepoint: the rows are as they were, so their
                // contributions go back too (the caller may still commit the rest of its transaction).
                await ApplyAsync(connection, transaction, statements.ForIds(), json, 1, async, CancellationToken.None);
                throw;
            }

            if (statements is not null) await ApplyAsync(connection, transaction, statements.ForIds(), json, 1, async, ct);
            if (own is not null)
            {
                if (async) await own.CommitAsync(ct);
                else own.Commit();
            }

            return count;
        }
        finally
        {
            if (own is not null)
            {
                if (async) await own.DisposeAsync();
                else own.Dispose();
            }
        }
    }

    /// <summary>The complaints whose counted figures this save may change: added, deleted or modified in a counted column, or whose
    /// corrective actions or referrals change.</summary>
    private HashSet<Guid> CountedComplaints()
    {
        var ids = new HashSet<Guid>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Complaint complaint when entry.State != EntityState.Modified || Counted(entry):
                    ids.Add(complaint.Id);
                    break;
                case CorrectiveAction or Referral:
                    var property = entry.Property(nameof(CorrectiveAction.ComplaintId));
                    if (property.CurrentValue is Guid current) ids.Add(current);
                    if (property.OriginalValue is Guid original) ids.Add(original);
                    break;
            }
        }

        return ids;

        static bool Counted(EntityEntry entry) =>
            entry.Properties.Any(p => p.IsModified && DashboardCounts.CountedProperties.Contains(p.Metadata.Name));
    }

    private static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, IEnumerable<string> statements, string ids, int sign,
        bool async, CancellationToken ct)
    {
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            Add(command, "$ids", ids);
            Add(command, "$sign", sign);
            if (async) await command.ExecuteNonQueryAsync(ct);
            else command.ExecuteNonQuery();
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, bool async, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var value = async ? await command.ExecuteScalarAsync(ct) : command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
