using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Reclamations.Engine.Persistence;

namespace Reclamations.Bench;

/// <summary>The raw limit: one-row insert transactions through Microsoft.Data.Sqlite with the engine's pragmas.</summary>
internal static class RawSqliteBench
{
    public static async Task<double> RunAsync(int inserts)
    {
        var folder = BenchEngine.NewFolder();
        try
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "raw.db")}");
            await connection.OpenAsync();
            await Exec(connection, "PRAGMA journal_mode=WAL;");
            await Exec(connection, SqlitePragmaInterceptor.Pragmas);
            await Exec(connection, "CREATE TABLE t (id TEXT PRIMARY KEY, value TEXT NOT NULL, at INTEGER NOT NULL);");
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (id, value, at) VALUES ($id, $value, $at)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var value = insert.Parameters.Add("$value", SqliteType.Text);
            var at = insert.Parameters.Add("$at", SqliteType.Integer);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < inserts; i++)
            {
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
                insert.Transaction = tx;
                id.Value = Guid.NewGuid().ToString();
                value.Value = "row " + i;
                at.Value = DateTime.UtcNow.Ticks;
                await insert.ExecuteNonQueryAsync();
                await tx.CommitAsync();
            }
            return inserts / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
