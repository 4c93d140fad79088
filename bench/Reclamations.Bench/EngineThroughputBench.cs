using System.Diagnostics;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;

namespace Reclamations.Bench;

/// <summary>Instances/s of the 5-service-task process, each started (commit 1, waits at the user task) and completed (commit 2).</summary>
internal static class EngineThroughputBench
{
    /// <summary>A member of the review task's candidate group, as a user completing it.</summary>
    private static readonly Actor Bench = new("bench", ["Staff"]);

    public sealed record Result(double InstancesPerSecond, double CommitsPerSecond);

    public static async Task<Result> RunAsync(int instances)
    {
        await using var bench = await BenchEngine.CreateAsync();
        var engine = bench.Engine;
        await engine.DeployAsync([new BpmnResource("throughput.bpmn", BenchProcesses.Throughput)]);
        await RunOnce(engine, 20, 0); // warm-up: JIT, caches, connection pool
        var watch = Stopwatch.StartNew();
        await RunOnce(engine, instances, 1);
        var seconds = watch.Elapsed.TotalSeconds;
        return new Result(instances / seconds, 2 * instances / seconds);
    }

    internal static async Task RunOnce(ProcessEngine engine, int count, int round)
    {
        for (var i = 0; i < count; i++)
        {
            var vars = new Dictionary<string, object?> { ["amount"] = (long)(i % 2 == 0 ? 500 : 5000) };
            var started = await engine.StartProcessAsync("throughput", $"B-{round}-{i}", vars, Actor.System);
            var task = (await engine.QueryTasksAsync(new TaskQuery(ProcessInstanceId: started.Id), Actor.System)).Single();
            await engine.CompleteTaskAsync(task.Id, null, Bench);
        }
    }
}
