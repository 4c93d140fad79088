using System.Diagnostics;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;

namespace Reclamations.Bench;

/// <summary>Page of 50 open tasks of one candidate group ordered by due date, with a small and a large number of open tasks
/// (created by the engine: parallel multi-instance user tasks, 1,000 per instance, spread over 4 groups).</summary>
internal static class TaskQueryBench
{
    public sealed record Latency(double P50, double P95);

    public sealed record Result(Latency Small, Latency Large);

    public static async Task<Result> RunAsync(int small, int large, int repeats)
    {
        await using var bench = await BenchEngine.CreateAsync();
        var engine = bench.Engine;
        await engine.DeployAsync([new BpmnResource("tasks.bpmn", BenchProcesses.ManyTasks)]);
        await OpenTasksAsync(engine, small);
        var smallLatency = await MeasureAsync(engine, repeats);
        await OpenTasksAsync(engine, large - small);
        var largeLatency = await MeasureAsync(engine, repeats);
        return new Result(smallLatency, largeLatency);
    }

    private static readonly string[] Groups = ["Staff", "Reviewer", "Direction", "LegalPartner"];

    private static async Task OpenTasksAsync(ProcessEngine engine, int count)
    {
        const int perInstance = 1_000;
        for (var opened = 0; opened < count; opened += perInstance)
        {
            var items = Enumerable.Range(opened, Math.Min(perInstance, count - opened)).Select(i => (object?)(long)i).ToList();
            var group = Groups[opened / perInstance % Groups.Length];
            await engine.StartProcessAsync("tasks", null, new Dictionary<string, object?> { ["items"] = items, ["group"] = group },
                Actor.System);
        }
    }

    private static async Task<Latency> MeasureAsync(ProcessEngine engine, int repeats)
    {
        var query = new TaskQuery(CandidateGroup: "Staff", Take: 50);
        // A member of the group reads its inbox: visibility and the (empty) reader restriction are checked in SQL.
        var reader = new Actor("bench-reader", ["Staff"]);
        for (var i = 0; i < 10; i++) await engine.QueryTasksAsync(query, reader); // warm-up
        var samples = new List<double>(repeats);
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            var page = await engine.QueryTasksAsync(query, reader);
            samples.Add(watch.Elapsed.TotalMilliseconds);
            if (page.Count != 50) throw new InvalidOperationException($"Expected a full page, got {page.Count}.");
        }
        samples.Sort();
        return new Latency(samples[samples.Count / 2], samples[(int)(samples.Count * 0.95)]);
    }
}
