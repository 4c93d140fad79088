using System.Diagnostics;
using Reclamations.Engine.Api;

namespace Reclamations.Bench;

/// <summary>N instances wait on a P10D timer; the clock moves 10 days; time until every instance has moved on.</summary>
internal static class TimerBench
{
    public sealed record Result(double SetupSeconds, double FireSeconds, double TimersPerSecond);

    public static async Task<Result> RunAsync(int count)
    {
        await using var bench = await BenchEngine.CreateAsync();
        var engine = bench.Engine;
        await engine.DeployAsync([new BpmnResource("timer.bpmn", BenchProcesses.Timer)]);
        var setup = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) await engine.StartProcessAsync("timer", $"T-{i}", null, Actor.System);
        var setupSeconds = setup.Elapsed.TotalSeconds;

        if (StatementTrace.NoCheckpoint) await StatementTrace.CheckpointAsync(bench.DatabasePath, "TRUNCATE"); // empty WAL
        bench.Clock.Advance(TimeSpan.FromDays(10));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        StatementTrace.On = StatementTrace.Enabled;
        var fire = Stopwatch.StartNew();
        var executed = await engine.ExecuteDueJobsAsync();
        var fireSeconds = fire.Elapsed.TotalSeconds;
        StatementTrace.On = false;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"   CPU of the process per timer: {cpu.TotalMicroseconds / count:F0} us (wall {fireSeconds * 1e6 / count:F0} us)");
        if (StatementTrace.Enabled) StatementTrace.Report(count);
        if (StatementTrace.NoCheckpoint)
            Console.WriteLine($"   WAL frames per timer: {await StatementTrace.CheckpointAsync(bench.DatabasePath, "PASSIVE") / (double)count:F2}");
        if (executed != count) throw new InvalidOperationException($"Expected {count} timers to fire, {executed} did.");
        if ((await engine.GetJobsAsync()).Count != 0) throw new InvalidOperationException("Timers are left over.");
        return new Result(setupSeconds, fireSeconds, count / fireSeconds);
    }
}
