namespace Reclamations.Bench;

internal sealed record BenchSizes(int RawInserts, int EngineInstances, int Rounds, int Timers, int SmallTasks, int LargeTasks, int QueryRepeats)
{
    public static readonly BenchSizes Full = new(2_000, 300, 5, 10_000, 1_000, 100_000, 200);
    public static readonly BenchSizes Quick = new(300, 50, 3, 500, 1_000, 10_000, 50);
}
