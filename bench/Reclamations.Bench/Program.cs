using Reclamations.Bench;

// Engine benchmarks, measured side by side in one run on SQLite files with the engine's own pragmas.
// Usage: dotnet run -c Release --project bench/Reclamations.Bench [-- --quick] [-- --only engine|timers|query|pages|cleanup|dashboard]
// The disk of a shared machine is noisy: the raw rate is measured right next to each engine round, and ratios are
// the median of the per-round ratios.
var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
var sizes = quick ? BenchSizes.Quick : BenchSizes.Full;
Console.WriteLine($"ReclamationsWorkflow engine benchmark ({(quick ? "quick" : "full")}), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"SQLite pragmas: journal_mode=WAL; {Reclamations.Engine.Persistence.SqlitePragmaInterceptor.Pragmas}");
Console.WriteLine();

if (only is null or "engine") await EngineRoundsAsync();
if (only is null or "timers") await TimersAsync();
if (only is null or "query") await QueryAsync();
if (only is null or "pages") await PagesAsync();
if (only is null or "cleanup") await CleanupAsync();
if (only is null or "dashboard") await DashboardAsync();

async Task EngineRoundsAsync()
{
    for (var i = 0; i < sizes.WarmUpRounds; i++) await EngineThroughputBench.RunAsync(sizes.EngineInstances); // JIT tiers, not reported
    var ratios = new List<double>();
    for (var round = 1; round <= sizes.Rounds; round++)
    {
        var rawBefore = await RawSqliteBench.RunAsync(sizes.RawInserts);
        var engine = await EngineThroughputBench.RunAsync(sizes.EngineInstances);
        var rawAfter = await RawSqliteBench.RunAsync(sizes.RawInserts);
        var raw = (rawBefore + rawAfter) / 2;
        ratios.Add(engine.CommitsPerSecond / raw);
        Console.WriteLine($"   round {round}: raw {raw:F0} insert tx/s | engine {engine.InstancesPerSecond:F1} instances/s = " +
                          $"{engine.CommitsPerSecond:F1} commits/s | ratio {engine.CommitsPerSecond / raw:F3}");
    }
    Console.WriteLine($"1-2. engine (5 service tasks + exclusive gateway + user task; started, then completed: 2 commits each): " +
                      $"median ratio of engine commits/s to raw single-row insert tx/s = {Median(ratios):F3} (goal >= 0.25)");
}

async Task TimersAsync()
{
    var rawBefore = await RawSqliteBench.RunAsync(sizes.RawInserts);
    var timers = await TimerBench.RunAsync(sizes.Timers);
    var rawAfter = await RawSqliteBench.RunAsync(sizes.RawInserts);
    var raw = (rawBefore + rawAfter) / 2;
    Console.WriteLine($"3. timers: {sizes.Timers} instances waiting on P10D (set up in {timers.SetupSeconds:F1} s); clock advanced: all moved on in " +
                      $"{timers.FireSeconds:F1} s = {timers.TimersPerSecond:F0} timers/s; raw {raw:F0} insert tx/s; ratio = {timers.TimersPerSecond / raw:F3}");
}

async Task QueryAsync()
{
    var query = await TaskQueryBench.RunAsync(sizes.SmallTasks, sizes.LargeTasks, sizes.QueryRepeats);
    Console.WriteLine($"4. task query (candidate group, page of 50 by due date): {sizes.SmallTasks} open tasks p50 {query.Small.P50:F2} ms " +
                      $"p95 {query.Small.P95:F2} ms; {sizes.LargeTasks} open tasks p50 {query.Large.P50:F2} ms p95 {query.Large.P95:F2} ms; " +
                      $"ratio p50 = {query.Large.P50 / query.Small.P50:F2}, p95 = {query.Large.P95 / query.Small.P95:F2} (goal <= 2)");
}

async Task PagesAsync()
{
    var frames = await WalFramesBench.RunAsync(warmUp: 2_000, measured: 20);
    Console.WriteLine($"5. pages written per commit (WAL frames, after 2000 instances): engine {frames.EngineFramesPerCommit:F1}, " +
                      $"raw single-row insert {frames.RawFramesPerCommit:F1}");
}

async Task CleanupAsync()
{
    var cleanup = await CleanupBench.RunAsync(sizes.CleanupInstances);
    Console.WriteLine($"6. history cleanup: {cleanup.Instances} ended instances past their time to live, {cleanup.HistoryRows} history rows " +
                      $"removed in {cleanup.Batches} batches in {cleanup.Seconds:F2} s = {cleanup.HistoryRowsPerSecond:F0} history rows/s");
}

async Task DashboardAsync()
{
    var d = await DashboardBench.RunAsync(sizes.SmallComplaints, sizes.LargeComplaints, sizes.DashboardRepeats);
    static string Line(DashboardBench.Latency l) => $"p50 {l.P50:F1} ms p95 {l.P95:F1} ms ({l.Received} in the period; counts built in {l.BuildMs:F0} ms)";
    Console.WriteLine($"7. dashboard (every figure, 12 months, no filter): {sizes.SmallComplaints} complaints {Line(d.Small)}; " +
                      $"{sizes.LargeComplaints} (history before the period) {Line(d.History)}; {sizes.LargeComplaints} all in the period {Line(d.Dense)}");
    Console.WriteLine($"   ratio to {sizes.SmallComplaints}: history p50 {d.History.P50 / d.Small.P50:F2} p95 {d.History.P95 / d.Small.P95:F2} (goal <= 3); " +
                      $"all in the period p50 {d.Dense.P50 / d.Small.P50:F2} p95 {d.Dense.P95 / d.Small.P95:F2}; p95 at {sizes.LargeComplaints}: " +
                      $"{Math.Max(d.History.P95, d.Dense.P95):F1} ms (goal < 300)");
    Console.WriteLine($"   {sizes.LargeComplaints} all in the period, one category (counts): {Line(d.DenseCategory)}");
    Console.WriteLine($"   a save changing one complaint's status (load + save, {sizes.DashboardRepeats * 4} saves): {d.SaveWithCountsMs:F2} ms with the " +
                      $"counts maintained, {d.SaveWithoutCountsMs:F2} ms without");
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
