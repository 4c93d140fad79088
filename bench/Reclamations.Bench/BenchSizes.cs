namespace Reclamations.Bench;

/// <param name="WarmUpRounds">Unreported engine rounds first: the JIT's tiers (with dynamic PGO) settle only after about
/// 2,000 instances — measured CPU-bound (synchronous=OFF), rounds 1 to 6 ran at 810, 1,040, 1,220, 1,290, 1,470, 1,590
/// commits/s, then stayed at 1,540–1,610.</param>
internal sealed record BenchSizes(int RawInserts, int EngineInstances, int WarmUpRounds, int Rounds, int Timers, int SmallTasks, int LargeTasks,
    int QueryRepeats, int CleanupInstances, int SmallComplaints = 1_000, int LargeComplaints = 100_000, int DashboardRepeats = 50)
{
    public static readonly BenchSizes Full = new(2_000, 300, 6, 5, 10_000, 1_000, 100_000, 200, 5_000);
    public static readonly BenchSizes Quick = new(300, 50, 1, 3, 500, 1_000, 10_000, 50, 500, 1_000, 10_000, 20);
}
