using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reclamations.Engine.Api;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Jobs: acquisition with a lock (one node runs a job), execution in its own transaction, retries, incidents.</summary>
public sealed partial class ProcessEngine
{
    /// <summary>Runs every job due now, batch after batch, until none is left. Returns how many jobs ran (failures included).</summary>
    public async Task<int> ExecuteDueJobsAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            var acquired = await AcquireJobsAsync(ct);
            if (acquired.Count == 0) break;
            foreach (var jobId in acquired) await ExecuteJobAsync(jobId, ct);
            total += acquired.Count;
        }
        return total;
    }

    /// <summary>Locks due jobs for this node in one conditional update: a job is taken only if it is still unlocked (or its
    /// lock expired: its node died) when the update runs, so two nodes never both win a job.</summary>
    internal async Task<List<Guid>> AcquireJobsAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        var owner = _runtime.Options.LockOwner;
        var until = now + _runtime.Options.LockDuration;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var candidates = await db.Jobs.AsNoTracking()
            .Where(j => j.DueAt <= now && j.Retries >= 0 && (j.LockExpiresAt == null || j.LockExpiresAt < now))
            .OrderBy(j => j.DueAt)
            .Take(_runtime.Options.JobBatchSize)
            .Select(j => j.Id)
            .ToListAsync(ct);
        if (candidates.Count == 0) return candidates;
        await _runtime.WriteGate.WaitAsync(ct);
        try
        {
            await db.Jobs
                .Where(j => candidates.Contains(j.Id) && j.Retries >= 0 && (j.LockExpiresAt == null || j.LockExpiresAt < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.LockOwner, owner)
                    .SetProperty(j => j.LockExpiresAt, until)
                    .SetProperty(j => j.Revision, j => j.Revision + 1), ct);
        }
        finally
        {
            _runtime.WriteGate.Release();
        }
        var locked = await db.Jobs.AsNoTracking()
            .Where(j => candidates.Contains(j.Id) && j.LockOwner == owner && j.LockExpiresAt == until)
            .Select(j => new { j.Id, j.DueAt })
            .ToListAsync(ct);
        return locked.OrderBy(j => j.DueAt).Select(j => j.Id).ToList();
    }

    /// <summary>Runs one locked job in its own transaction; a failure is recorded in another one.</summary>
    internal async Task ExecuteJobAsync(Guid jobId, CancellationToken ct)
    {
        try
        {
            await _executor.ExecuteAsync(Actor.System, async (ctx, runner) =>
            {
                ctx.JobId = jobId;
                var job = await InstanceQueries.Job(ctx.Db, jobId, ct);
                if (job is null || job.LockOwner != _runtime.Options.LockOwner) return false;
                if (job.ProcessInstanceId is not { } instanceId)
                {
                    ctx.Db.Jobs.Remove(job);
                    await StartByTimerAsync(ctx, runner, job, ct);
                    return true;
                }
                var state = await ctx.LoadInstanceAsync(instanceId, ct);
                state.Jobs.Remove(job);
                ctx.Db.Jobs.Remove(job);
                if (job.ExecutionId is not { } executionId || state.Find(executionId) is not { } execution) return true;
                var node = state.Model.Node(job.ActivityId);
                switch (job.Kind)
                {
                    case JobKind.AsyncBefore:
                        await runner.EnterAsync(state, execution, node, fromJob: true);
                        break;
                    case JobKind.AsyncAfter:
                        await runner.TakeOutgoingAsync(state, execution, node);
                        break;
                    default:
                        ctx.History(state, "TimerFired", node.Id, node.ElementType, execution.Id);
                        await runner.TriggerAsync(state, execution, node, job, null);
                        break;
                }
                return true;
            }, ct);
        }
        catch (ConflictException e)
        {
            // Another node took the job over (its lock had expired) or the instance moved on: not a failure of the job.
            _logger.LogInformation(e, "Job {JobId} lost a race and was left to its new owner", jobId);
        }
        catch (StepBudgetExceededException e)
        {
            // The executor already parked the job with an incident: retrying would loop again.
            _logger.LogWarning(e, "Job {JobId} went past the step budget at {ElementId}", jobId, e.ElementId);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogWarning(e, "Job {JobId} failed", jobId);
            await RecordFailureAsync(jobId, e, ct);
        }
    }

    private async Task StartByTimerAsync(CommandContext ctx, Runner runner, JobEntity job, CancellationToken ct)
    {
        var definition = await ctx.Db.ProcessDefinitions.AsNoTracking().FirstAsync(d => d.Id == job.ProcessDefinitionId, ct);
        var model = await _runtime.Definitions.GetModelAsync(ctx.Db, definition.Id, ct);
        runner.RescheduleCycle(null, null, job);
        var state = runner.StartInstance(definition, model, null, null, (StartEvent)model.Node(job.ActivityId));
        ctx.History(state, "TimerFired", job.ActivityId, "startEvent");
    }

    /// <summary>One retry less and a later due date; with none left, an incident and the job parks until an operator retries it.</summary>
    private async Task RecordFailureAsync(Guid jobId, Exception error, CancellationToken ct)
    {
        var message = Describe(error);
        await _executor.ExecuteAsync(Actor.System, async (ctx, _) =>
        {
            var job = await ctx.Db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
            if (job is null) return false;
            job.LockOwner = null;
            job.LockExpiresAt = null;
            job.LastError = message;
            job.Revision++;
            var instance = job.ProcessInstanceId is { } id ? await ctx.LoadInstanceAsync(id, ct) : null;
            if (job.Retries > 0)
            {
                job.Retries--;
                job.DueAt = _runtime.NextRetry(job, ctx.Now, _runtime.InitialRetries(job.RetryCycle) - job.Retries);
                ctx.History(instance, "JobFailed", job.ActivityId, details: $"{message} (retries left: {job.Retries})");
                return true;
            }
            job.Retries = -1;
            ctx.Db.Incidents.Add(new IncidentEntity
            {
                Id = EngineIds.New(), JobId = job.Id, ProcessInstanceId = job.ProcessInstanceId, ActivityId = job.ActivityId,
                Message = message, CreatedAt = ctx.Now,
            });
            ctx.History(instance, "IncidentCreated", job.ActivityId, details: message);
            return true;
        }, ct);
    }

    private static string Describe(Exception error)
    {
        var inner = error is ProcessEngineException || error.InnerException is null ? error : error.InnerException;
        var text = $"{inner.GetType().Name}: {inner.Message}";
        return text.Length > 2000 ? text[..2000] : text;
    }

    /// <summary>An operator retries a failed job: its incident is resolved and it is due now (one attempt).</summary>
    public Task RetryJobAsync(Guid jobId, string? userId = null, CancellationToken ct = default) =>
        _executor.ExecuteAsync(ActorOf(userId), async (ctx, _) =>
        {
            var job = await ctx.Db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct)
                ?? throw new NotFoundException($"Job '{jobId}' does not exist.");
            var instance = job.ProcessInstanceId is { } id ? await ctx.LoadInstanceAsync(id, ct) : null;
            job.Retries = Math.Max(job.Retries, 0);
            job.DueAt = ctx.Now;
            job.LockOwner = null;
            job.LockExpiresAt = null;
            job.Revision++;
            foreach (var incident in await ctx.Db.Incidents.Where(i => i.JobId == jobId && i.ResolvedAt == null).ToListAsync(ct))
            {
                incident.ResolvedAt = ctx.Now;
                ctx.History(instance, "IncidentResolved", job.ActivityId, details: incident.Message);
            }
            ctx.CreatedDueJob = true;
            return true;
        }, ct);

    /// <summary>When the next job is due (for the executor's sleep), if any.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Jobs.Where(j => j.Retries >= 0).OrderBy(j => j.DueAt).Select(j => (DateTimeOffset?)j.DueAt).FirstOrDefaultAsync(ct);
    }
}
