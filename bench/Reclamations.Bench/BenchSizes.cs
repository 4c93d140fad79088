namespace Reclamations.Bench;

internal sealed record BenchSizes(int RawInserts, int EngineInstances, int Timers, int SmallTasks, int LargeTasks, int QueryRepeats)
{
    public static readonly BenchSizes Full = new(5_000, 1_000, 10_000, 1_000, 100_000, 200);
    public static readonly BenchSizes Quick = new(500, 100, 500, 1_000, 10_000, 50);
}
