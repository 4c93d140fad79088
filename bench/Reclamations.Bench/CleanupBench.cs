using System.Diagnostics;
using Reclamations.Engine.Api;

namespace Reclamations.Bench;

/// <summary>N ended instances (start, 5 service tasks, end: about 15 history rows and 2 variables each) past their history time
/// to live; the history cleanup removes them (batches of the default size, one transaction each): history rows removed per second.</summary>
internal static class CleanupBench
{
    public sealed record Result(int Instances, int HistoryRows, int Batches, double Seconds, double HistoryRowsPerSecond);

    private static readonly string Process = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     id="d" targetNamespace="http://reclamations.bench">
          <process id="ended" isExecutable="true" camunda:historyTimeToLive="1827">
            <startEvent id="s" />
            {string.Concat(Enumerable.Range(1, 5).Select(i => $"""<serviceTask id="w{i}" camunda:type="external" camunda:topic="work" />"""))}
            <endEvent id="e" />
            {string.Concat(new[] { "s", "w1", "w2", "w3", "w4", "w5", "e" }.Zip(new[] { "w1", "w2", "w3", "w4", "w5", "e" },
                (a, b) => $"""<sequenceFlow id="f_{a}" sourceRef="{a}" targetRef="{b}" />"""))}
          </process>
        </definitions>
        """;

    public static async Task<Result> RunAsync(int count)
    {
        await using var bench = await BenchEngine.CreateAsync();
        var engine = bench.Engine;
        await engine.DeployAsync([new BpmnResource("ended.bpmn", Process)]);
        var variables = new Dictionary<string, object?> { ["amount"] = 150L, ["channel"] = "mail" };
        for (var i = 0; i < count; i++) await engine.StartProcessAsync("ended", $"C-{i}", variables, Actor.System);
        bench.Clock.Advance(TimeSpan.FromDays(1828));

        var watch = Stopwatch.StartNew();
        var run = await engine.CleanupHistoryAsync(Actor.System);
        var seconds = watch.Elapsed.TotalSeconds;
        if (run.Instances != count) throw new InvalidOperationException($"Expected {count} instances removed, {run.Instances} were.");
        return new Result(run.Instances, run.HistoryRows, run.Batches, seconds, run.HistoryRows / seconds);
    }
}
