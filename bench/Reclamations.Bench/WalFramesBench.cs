using Microsoft.Data.Sqlite;
using Reclamations.Engine.Api;

namespace Reclamations.Bench;

/// <summary>Pages written per commit: WAL frames appended by engine commits (after <c>warmUp</c> instances, so that the
/// B-trees are not trivially small) and by the raw single-row insert. A commit's fsync cost grows with its frames.</summary>
internal static class WalFramesBench
{
    public sealed record Result(double EngineFramesPerCommit, double RawFramesPerCommit);

    public static async Task<Result> RunAsync(int warmUp, int measured)
    {
        await using var bench = await BenchEngine.CreateAsync();
        await bench.Engine.DeployAsync([new BpmnResource("throughput.bpmn", BenchProcesses.Throughput)]);
        await EngineThroughputBench.RunOnce(bench.Engine, warmUp, 0);
        var engineFrames = await FramesAsync(bench.DatabasePath, () => EngineThroughputBench.RunOnce(bench.Engine, measured, 1));

        var folder = BenchEngine.NewFolder();
        try
        {
            var path = Path.Combine(folder, "raw.db");
            await using (var connection = await OpenAsync(path))
                await ExecAsync(connection, "CREATE TABLE t (id TEXT PRIMARY KEY, value TEXT NOT NULL, at INTEGER NOT NULL);");
            var rawFrames = await FramesAsync(path, async () =>
            {
                await using var connection = await OpenAsync(path);
                for (var i = 0; i < measured; i++)
                {
                    await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
                    await using var insert = connection.CreateCommand();
                    insert.Transaction = tx;
                    insert.CommandText = $"INSERT INTO t VALUES ('{Guid.NewGuid()}', 'row {i}', {i})";
                    await insert.ExecuteNonQueryAsync();
                    await tx.CommitAsync();
                }
            });
            return new Result(engineFrames / (2.0 * measured), rawFrames / (double)measured);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    /// <summary>Empties the WAL, runs the work, and counts the frames it appended (no checkpoint may run meanwhile:
    /// keep the work under the 1,000-frame auto-checkpoint).</summary>
    private static async Task<long> FramesAsync(string path, Func<Task> work)
    {
        await using (var connection = await OpenAsync(path)) await ExecAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        await work();
        if (Environment.GetEnvironmentVariable("WALCOPY") is { } dir) { Directory.CreateDirectory(dir); File.Copy(path, Path.Combine(dir, Path.GetFileName(path)), true); File.Copy(path + "-wal", Path.Combine(dir, Path.GetFileName(path) + "-wal"), true); }
        await using var check = await OpenAsync(path);
        await using var command = check.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetInt64(1);
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await ExecAsync(connection, "PRAGMA journal_mode=WAL;");
        return connection;
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
