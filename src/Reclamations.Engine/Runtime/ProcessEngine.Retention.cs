using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reclamations.Engine.Api;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>History retention: ended instances older than their definition's time to live are removed (instance row, history,
/// variables, incidents), a batch per transaction; an instance under a legal hold never is.</summary>
public sealed partial class ProcessEngine
{
    /// <summary>The scheduled cleanup: runs only inside <see cref="EngineOptions.HistoryCleanupWindow"/> (engine time zone) and
    /// stops when the window closes. Null when outside the window (or no window is configured).</summary>
    public async Task<HistoryCleanupRunInfo?> RunScheduledHistoryCleanupAsync(CancellationToken ct = default)
    {
        if (_runtime.Options.HistoryCleanupWindow is not { Length: > 0 } text) return null;
        var window = CleanupWindow.Parse(text);
        bool InWindow() => window.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), _runtime.TimeZone).DateTime));
        if (!InWindow()) return null;
        return await CleanupAsync(Actor.System, "window", InWindow, recordEmpty: false, ct);
    }

    /// <summary>An operator runs the cleanup now, whatever the window. Returns what it removed (also kept in the report).</summary>
    public Task<HistoryCleanupRunInfo> CleanupHistoryAsync(Actor actor, CancellationToken ct = default)
    {
        RequireOperator(actor, "run the history cleanup");
        return CleanupAsync(actor, "manual", () => true, recordEmpty: true, ct)!;
    }

    private async Task<HistoryCleanupRunInfo> CleanupAsync(Actor actor, string trigger, Func<bool> mayGoOn, bool recordEmpty, CancellationToken ct)
    {
        var run = new HistoryCleanupRunEntity { Id = EngineIds.New(), StartedAt = Time.GetUtcNow(), Trigger = trigger, UserId = actor.Id };
        var cutoffs = await CutoffsAsync(ct);
        var batchSize = Math.Max(1, _runtime.Options.HistoryCleanupBatchSize);
        while (!ct.IsCancellationRequested && mayGoOn())
        {
            var removed = await _executor.ExecuteAsync(actor, (ctx, _) => RemoveBatchAsync(ctx, cutoffs, batchSize, ct), ct);
            if (removed.Instances + removed.Other == 0) break;
            run.Batches++;
            run.Instances += removed.Instances;
            run.HistoryRows += removed.History;
            run.VariableRows += removed.Variables;
            run.OtherRows += removed.Other;
            if (removed.Instances < batchSize) break;
        }
        run.EndedAt = Time.GetUtcNow();
        if (run.Batches > 0 || recordEmpty)
        {
            await _executor.ExecuteAsync(actor, (ctx, _) =>
            {
                ctx.Db.HistoryCleanupRuns.Add(run);
                return Task.FromResult(true);
            }, ct);
            _logger.LogInformation("History cleanup ({Trigger}): {Instances} instances, {History} history rows, {Variables} variables removed",
                trigger, run.Instances, run.HistoryRows, run.VariableRows);
        }
        return ToInfo(run);
    }

    /// <summary>Per definition with a time to live: instances ended before this instant are due.</summary>
    private async Task<List<(string DefinitionId, DateTimeOffset EndedBefore)>> CutoffsAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var result = new List<(string, DateTimeOffset)>();
        foreach (var id in await db.ProcessDefinitions.AsNoTracking().Select(d => d.Id).ToListAsync(ct))
        {
            var model = await _runtime.Definitions.GetModelAsync(db, id, ct);
            if (HistoryRetention.TimeToLive(model, _runtime.Options) is { } ttl) result.Add((id, now - ttl));
        }
        return result;
    }

    private readonly record struct RemovedRows(int Instances, int History, int Variables, int Other);

    /// <summary>One batch, in the command's transaction: the ids are chosen inside it, so a legal hold set meanwhile is honoured.</summary>
    private static async Task<RemovedRows> RemoveBatchAsync(CommandContext ctx, List<(string DefinitionId, DateTimeOffset EndedBefore)> cutoffs,
        int batchSize, CancellationToken ct)
    {
        var ids = new List<Guid>();
        foreach (var (definitionId, endedBefore) in cutoffs)
        {
            if (ids.Count >= batchSize) break;
            ids.AddRange(await ctx.Db.ProcessInstances.AsNoTracking()
                .Where(i => i.DefinitionId == definitionId && i.EndedAt != null && i.EndedAt <= endedBefore && !i.LegalHold
                            && i.State != ProcessInstanceState.Active)
                .OrderBy(i => i.EndedAt).Select(i => i.Id).Take(batchSize - ids.Count).ToListAsync(ct));
        }
        var other = await ctx.Db.BufferedMessages.Where(m => m.ExpiresAt <= ctx.Now).ExecuteDeleteAsync(ct);
        if (ids.Count == 0) return new RemovedRows(0, 0, 0, other);
        var history = await ctx.Db.History.Where(h => ids.Contains(h.ProcessInstanceId!.Value)).ExecuteDeleteAsync(ct);
        var variables = await ctx.Db.Variables.Where(v => ids.Contains(v.ProcessInstanceId)).ExecuteDeleteAsync(ct);
        other += await ctx.Db.Incidents.Where(i => ids.Contains(i.ProcessInstanceId!.Value)).ExecuteDeleteAsync(ct);
        // An ended instance has no runtime rows left; these deletes are a safety net and cost an index probe each.
        other += await ctx.Db.Executions.Where(e => ids.Contains(e.ProcessInstanceId)).ExecuteDeleteAsync(ct);
        other += await ctx.Db.Tasks.Where(t => ids.Contains(t.ProcessInstanceId)).ExecuteDeleteAsync(ct);
        other += await ctx.Db.Jobs.Where(j => ids.Contains(j.ProcessInstanceId!.Value)).ExecuteDeleteAsync(ct);
        other += await ctx.Db.EventSubscriptions.Where(s => ids.Contains(s.ProcessInstanceId!.Value)).ExecuteDeleteAsync(ct);
        var instances = await ctx.Db.ProcessInstances.Where(i => ids.Contains(i.Id) && !i.LegalHold).ExecuteDeleteAsync(ct);
        return new RemovedRows(instances, history, variables, other);
    }

    /// <summary>The cleanup's settings, how many instances are due now, and its last runs (newest first). Operators only.</summary>
    public async Task<HistoryCleanupReport> GetHistoryCleanupReportAsync(Actor actor, int lastRuns = 20, CancellationToken ct = default)
    {
        RequireOperator(actor, "read the history cleanup report");
        var cutoffs = await CutoffsAsync(ct);
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var due = 0;
        foreach (var (definitionId, endedBefore) in cutoffs)
            due += await db.ProcessInstances.CountAsync(i => i.DefinitionId == definitionId && i.EndedAt != null && i.EndedAt <= endedBefore
                                                             && !i.LegalHold && i.State != ProcessInstanceState.Active, ct);
        var runs = await db.HistoryCleanupRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(lastRuns).ToListAsync(ct);
        var o = _runtime.Options;
        return new HistoryCleanupReport(o.HistoryCleanupWindow, o.DefaultHistoryTimeToLive, o.MinimumHistoryTimeToLive,
            o.HistoryCleanupBatchSize, due, runs.Select(ToInfo).ToList());
    }

    private static HistoryCleanupRunInfo ToInfo(HistoryCleanupRunEntity r) =>
        new(r.Id, r.StartedAt, r.EndedAt, r.Trigger, r.UserId, r.Batches, r.Instances, r.HistoryRows, r.VariableRows, r.OtherRows);
}
