using Reclamations.Engine.Runtime;

namespace Reclamations.Engine.Hosting;

/// <summary>Moves a manual clock forward in steps, stopping at each job's due time to run it, so that a timer
/// created by an earlier firing is computed from the time it really fired (P10D then P2M lands where it would in real time).</summary>
public static class ClockSimulator
{
    public static async Task<int> AdvanceAsync(ProcessEngine engine, ManualTimeProvider clock, DateTimeOffset target, CancellationToken ct = default)
    {
        var executed = await engine.ExecuteDueJobsAsync(ct);
        while (await engine.NextWakeAtAsync(ct) is { } next && next <= target)
        {
            if (next > clock.GetUtcNow()) clock.SetTo(next);
            var ran = await engine.ExecuteDueJobsAsync(ct);
            executed += ran;
            if (ran == 0) break; // nothing could run at that time: do not spin
        }
        clock.SetTo(target);
        return executed + await engine.ExecuteDueJobsAsync(ct);
    }
}
