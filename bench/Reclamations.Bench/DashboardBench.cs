using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting;

namespace Reclamations.Bench;

/// <summary>The dashboard (<see cref="DashboardQuery"/>, every figure, no filter) for the 12 months ending today, on three
/// registers written straight into SQLite files: 1,000 complaints all received in the period; 100,000 of which the same 1,000 in
/// the period and 99,000 in the nine years before (a register that grew); 100,000 all received in the period (worst case).</summary>
internal static class DashboardBench
{
    public sealed record Latency(double P50, double P95, int Received, double BuildMs);

    public sealed record Result(Latency Small, Latency History, Latency Dense, Latency DenseCategory, double SaveWithCountsMs, double SaveWithoutCountsMs);

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    public static async Task<Result> RunAsync(int small, int large, int repeats)
    {
        var filter = DashboardFilter.LastTwelveMonths(DateOnly.FromDateTime(Now.UtcDateTime));
        var periodStart = new DateTimeOffset(filter.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(1);
        var folder = BenchEngine.NewFolder();
        try
        {
            var path = Path.Combine(folder, "small-then-history.db");
            var query = await CreateAsync(path);
            await DashboardSeed.AddAsync(path, small, periodStart, Now, Now, seed: 1);
            var smallLatency = await MeasureAsync(query, filter, repeats);
            await DashboardSeed.AddAsync(path, large - small, periodStart.AddYears(-9), periodStart.AddHours(-2), Now, seed: 2);
            var historyLatency = await MeasureAsync(query, filter, repeats);

            var densePath = Path.Combine(folder, "dense.db");
            var dense = await CreateAsync(densePath);
            await DashboardSeed.AddAsync(densePath, large, periodStart, Now, Now, seed: 3);
            var denseLatency = await MeasureAsync(dense, filter, repeats);
            var categoryLatency = await MeasureAsync(dense, filter with { Category = "product" }, repeats);
            var withCounts = await SaveAsync(densePath, repeats * 4);
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={densePath}"))
            {
                await connection.OpenAsync();
                await using var stale = connection.CreateCommand();
                stale.CommandText = "DELETE FROM DashboardCountsState"; // saves now leave the counts alone
                await stale.ExecuteNonQueryAsync();
            }

            var withoutCounts = await SaveAsync(densePath, repeats * 4);
            return new Result(smallLatency, historyLatency, denseLatency, categoryLatency, withCounts, withoutCounts);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("BENCH_SQL") is { Length: > 0 } keep) // with the statements, the registers
                foreach (var file in Directory.GetFiles(folder, "*.db*")) File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), true);
            try { Directory.Delete(folder, true); }
            catch (IOException) { }
        }
    }

    private static async Task<DashboardQuery> CreateAsync(string path)
    {
        var builder = new DbContextOptionsBuilder<DomainDbContext>();
        builder.UseDomainSqlite($"Data Source={path}");
        if (StatementTrace.Enabled) builder.AddInterceptors(new StatementTrace()); // BENCH_STATEMENTS=1: SQLite time per statement
        var options = builder.Options;
        var factory = new Factory(options);
        var clock = new FakeTimeProvider(Now);
        await DomainDb.MigrateAsync(factory, clock);
        return new DashboardQuery(factory, clock, new RegisterOptions { TimeZoneId = "Europe/Paris" });
    }

    private static async Task<Latency> MeasureAsync(DashboardQuery query, DashboardFilter filter, int repeats)
    {
        // The seed wrote straight into the tables: the maintained counts are rebuilt from the register (as at start-up after the
        // migration that adds them), timed.
        var build = Stopwatch.StartNew();
        await query.PrepareCountsAsync();
        var buildMs = build.Elapsed.TotalMilliseconds;
        DashboardFigures figures = null!;
        for (var i = 0; i < 5; i++) figures = await query.RunAsync(filter, DashboardNames.Plain); // warm-up
        var samples = new List<double>(repeats);
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            await query.RunAsync(filter, DashboardNames.Plain);
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        if (StatementTrace.Enabled)
        {
            StatementTrace.On = true;
            await query.RunAsync(filter, DashboardNames.Plain);
            StatementTrace.On = false;
            Console.WriteLine($"   one dashboard, {figures.Received} complaints in the period:");
            StatementTrace.Report(1, clear: true);
        }

        samples.Sort();
        return new Latency(samples[samples.Count / 2], samples[Math.Min(samples.Count - 1, (int)(samples.Count * 0.95))], figures.Received, buildMs);
    }

    /// <summary>Mean time of the SaveChanges that changes a counted column (the status) of one complaint, with the counts maintained or not.</summary>
    private static async Task<double> SaveAsync(string path, int saves)
    {
        var builder = new DbContextOptionsBuilder<DomainDbContext>();
        builder.UseDomainSqlite($"Data Source={path}");
        List<Guid> ids;
        await using (var db = new DomainDbContext(builder.Options))
            ids = await db.Complaints.Where(c => c.Status == ComplaintStatus.InProgress).Select(c => c.Id).Take(saves + 10).ToListAsync();
        var watch = new Stopwatch();
        for (var i = 0; i < saves + 10; i++)
        {
            await using var db = new DomainDbContext(builder.Options);
            var complaint = await db.Complaints.SingleAsync(c => c.Id == ids[i]);
            complaint.Status = ComplaintStatus.Answered;
            if (i >= 10) watch.Start(); // after 10 warm-up saves
            await db.SaveChangesAsync();
            watch.Stop();
        }

        return watch.Elapsed.TotalMilliseconds / saves;
    }

    private sealed class Factory(DbContextOptions<DomainDbContext> options) : IDbContextFactory<DomainDbContext>
    {
        public DomainDbContext CreateDbContext() => new(options);
    }
}
