using Reclamations.Bench;

// Engine benchmarks: measured side by side in one run, on SQLite files with the engine's own pragmas.
// Usage: dotnet run -c Release --project bench/Reclamations.Bench [-- --quick]
var quick = args.Contains("--quick");
var sizes = quick ? BenchSizes.Quick : BenchSizes.Full;
Console.WriteLine($"ReclamationsWorkflow engine benchmark ({(quick ? "quick" : "full")}), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"SQLite pragmas: journal_mode=WAL; {Reclamations.Engine.Persistence.SqlitePragmaInterceptor.Pragmas}");
Console.WriteLine();

var raw = await RawSqliteBench.RunAsync(sizes.RawInserts);
Console.WriteLine($"1. raw limit: {raw:F0} single-row insert transactions/s ({sizes.RawInserts} inserts)");

var engine = await EngineThroughputBench.RunAsync(sizes.EngineInstances);
Console.WriteLine($"2. engine: {engine.InstancesPerSecond:F1} instances/s (5 service tasks + exclusive gateway + user task, started then completed), " +
                  $"{engine.CommitsPerSecond:F1} commits/s; ratio to raw = {engine.CommitsPerSecond / raw:F3} (goal >= 0.25)");

var timers = await TimerBench.RunAsync(sizes.Timers);
Console.WriteLine($"3. timers: {sizes.Timers} instances waiting on P10D (set up in {timers.SetupSeconds:F1} s); clock advanced: all moved on in " +
                  $"{timers.FireSeconds:F1} s = {timers.TimersPerSecond:F0} timers/s; ratio to raw = {timers.TimersPerSecond / raw:F3}");

var query = await TaskQueryBench.RunAsync(sizes.SmallTasks, sizes.LargeTasks, sizes.QueryRepeats);
Console.WriteLine($"4. task query (candidate group, page of 50 by due date): {sizes.SmallTasks} open tasks p50 {query.Small.P50:F2} ms p95 {query.Small.P95:F2} ms; " +
                  $"{sizes.LargeTasks} open tasks p50 {query.Large.P50:F2} ms p95 {query.Large.P95:F2} ms; ratio p50 = {query.Large.P50 / query.Small.P50:F2} (goal <= 2)");
