using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Reclamations.Bench;

/// <summary>Diagnostics of the timers part, off unless asked for. <c>BENCH_STATEMENTS=1</c>: every statement SQLite runs on an
/// engine connection while the timers fire (sqlite3_profile: count and SQLite time per statement, literals masked), reported
/// per timer. With <c>BENCH_WALFRAMES=1</c> as well: no auto-checkpoint on the engine's connections, so that the WAL frames
/// appended while the timers fire can be counted (use <c>--quick</c>: the WAL grows by ≈ 60 KB per timer).</summary>
internal sealed partial class StatementTrace : DbConnectionInterceptor
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("BENCH_STATEMENTS") == "1";
    public static readonly bool NoCheckpoint = Enabled && Environment.GetEnvironmentVariable("BENCH_WALFRAMES") == "1";
    public static volatile bool On;

    /// <summary><c>BENCH_SQL=folder</c>: each traced statement's full text is written there (for EXPLAIN QUERY PLAN).</summary>
    private static readonly string? SqlFolder = Environment.GetEnvironmentVariable("BENCH_SQL");

    private static readonly ConcurrentDictionary<string, (int Count, long Nanos)> Statements = new();

    private static readonly strdelegate_profile Profile = (_, sql, ns) =>
    {
        if (!On) return;
        var key = Literals().Replace(sql.Replace('\n', ' '), "?");
        // The dashboard's statements share a long CTE prefix: name them by their own part.
        if (key.StartsWith("WITH m(", StringComparison.Ordinal) && key.LastIndexOf(") SELECT ", StringComparison.Ordinal) is var own and >= 0) key = key[(own + 2)..];
        key = key.Length > 150 ? key[..150] : key;
        if (SqlFolder is not null) File.WriteAllText(Path.Combine(SqlFolder, $"{(uint)key.GetHashCode()}.sql"), sql);
        Statements.AddOrUpdate(key, (1, ns), (_, s) => (s.Count + 1, s.Nanos + ns));
    };

    [GeneratedRegex(@"'[^']*'|\b\d+\b")]
    private static partial Regex Literals();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Hook(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Hook(connection);
        return Task.CompletedTask;
    }

    private static void Hook(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle;
        raw.sqlite3_profile(handle, Profile, null);
        if (NoCheckpoint) raw.sqlite3_exec(handle, "PRAGMA wal_autocheckpoint=0;");
    }

    public static void Report(int per, bool clear = false)
    {
        var total = Statements.Values.Sum(s => s.Count);
        Console.WriteLine($"   statements: {total} = {(double)total / per:F2} per timer, SQLite time " +
                          $"{Statements.Values.Sum(s => s.Nanos) / 1000.0 / per:F0} us per timer");
        foreach (var (sql, s) in Statements.OrderByDescending(p => p.Value.Count).Where(p => p.Value.Count * 100 >= per))
            Console.WriteLine($"   {(double)s.Count / per,6:F2} {s.Nanos / 1000.0 / per,8:F1} us  {sql}");
        if (clear) Statements.Clear();
    }

    /// <summary>Runs <c>PRAGMA wal_checkpoint(mode)</c> on its own connection; returns the WAL's frame count before it.</summary>
    public static async Task<long> CheckpointAsync(string path, string mode)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetInt64(1);
    }
}
