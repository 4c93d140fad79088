using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reclamations.Engine.Api;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Jobs: acquisition with a lock (one node runs a job), execution in its own transaction, retries, incidents.
/// Locking, reclaim after restart and attempt counting are described in docs/ARCHITECTURE.md ("Jobs").</summary>
public sealed partial class ProcessEngine
{
    /// <summary>A job this node locked, in the order the batch runs; <see cref="InterruptedAttemptAt"/>: an earlier attempt
    /// (by <see cref="PreviousOwner"/>) started then and never finished.</summary>
    internal sealed record LockedJob(Guid Id, DateTimeOffset DueAt, string? PreviousOwner, DateTimeOffset? InterruptedAttemptAt);

    /// <summary>The one definition of a job that a node may take at <paramref name="now"/> (due or not): not parked by an
    /// incident, and unlocked or its lock expired. Acquisition and the executor's wake-up both use it.</summary>
    private static Expression<Func<JobEntity, bool>> Takeable(DateTimeOffset now) =>
        j => j.Retries >= 0 && !j.IsSuspended && (j.LockExpiresAt == null || j.LockExpiresAt <= now);

    /// <summary>Runs every job due now, batch after batch, until none is left. Returns how many jobs ran (failures included).</summary>
    public async Task<int> ExecuteDueJobsAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            var batch = await AcquireJobsAsync(ct);
            if (batch.Count == 0) break;
            total += await RunBatchAsync(batch, ct);
        }
        return total;
    }

    /// <summary>Locks due jobs for this node in one transaction (SQLite: under the write lock, so two nodes never both win
    /// a job) and counts the attempt of the first one, which runs next. The first acquisition of this engine first
    /// expires the locks that its node's previous run left, so that they are taken again at once.</summary>
    internal async Task<List<LockedJob>> AcquireJobsAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        var node = _runtime.NodeId;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        if (!_runtime.PreviousRunLocksReleased) await ExpirePreviousRunLocksAsync(db, node, now, ct);
        // Looked at without the write lock: an idle node never takes it.
        if (!await db.Jobs.Where(Takeable(now)).AnyAsync(j => j.DueAt <= now, ct)) return [];
        await _runtime.WriteGate.WaitAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.Jobs.AsNoTracking().Where(Takeable(now)).Where(j => j.DueAt <= now)
                .OrderBy(j => j.DueAt).ThenBy(j => j.Id)
                .Take(_runtime.Options.JobBatchSize)
                .Select(j => new LockedJob(j.Id, j.DueAt, j.LockOwner, j.AttemptStartedAt))
                .ToListAsync(ct);
            if (batch.Count == 0) return batch;
            var ids = batch.Select(j => j.Id).ToList();
            var until = now + _runtime.Options.LockDuration;
            await db.Jobs.Where(j => ids.Contains(j.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LockOwner, node)
                .SetProperty(j => j.LockExpiresAt, until)
                .SetProperty(j => j.Revision, j => j.Revision + 1), ct);
            if (batch[0].InterruptedAttemptAt is null) await MarkAttemptAsync(db, batch[0].Id, now, ct);
            await transaction.CommitAsync(ct);
            return batch;
        }
        finally
        {
            _runtime.WriteGate.Release();
        }
    }

    private async Task ExpirePreviousRunLocksAsync(EngineDbContext db, string node, DateTimeOffset now, CancellationToken ct)
    {
        await _runtime.WriteGate.WaitAsync(ct);
        try
        {
            if (_runtime.PreviousRunLocksReleased) return;
            var expired = await db.Jobs.Where(j => j.LockOwner == node && j.LockExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockExpiresAt, now), ct);
            if (expired > 0) _logger.LogInformation("Node {NodeId} reclaims {Count} job locks left by its previous run", node, expired);
            _runtime.PreviousRunLocksReleased = true;
        }
        finally
        {
            _runtime.WriteGate.Release();
        }
    }

    /// <summary>Records that the attempt of <paramref name="jobId"/> (locked by this node) starts, in the caller's transaction:
    /// the transaction that ends one job's turn marks the next one, so counting costs no commit of its own.</summary>
    private Task MarkAttemptAsync(EngineDbContext db, Guid? jobId, DateTimeOffset now, CancellationToken ct)
    {
        if (jobId is not { } id) return Task.CompletedTask;
        return JobAttemptMark.ExecuteAsync(db, id, _runtime.NodeId, now, ct);
    }

    private async Task<int> RunBatchAsync(List<LockedJob> batch, CancellationToken ct)
    {
        var ran = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var job = batch[i];
            Guid? next = i + 1 < batch.Count ? batch[i + 1].Id : null;
            try
            {
                ct.ThrowIfCancellationRequested();
                if (job.InterruptedAttemptAt is not null && !await CountInterruptedAttemptAsync(job, next, ct)) continue;
                await ExecuteJobAsync(job.Id, next, ct);
                ran++;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down: the jobs not run go back at once (a stop is not a failed attempt).
                await ReleaseLocksAsync(batch.Skip(i).Select(j => j.Id).ToList(), clearAttemptOf: job.InterruptedAttemptAt is null ? job.Id : null);
                throw;
            }
        }
        return ran;
    }

    /// <summary>Runs one locked job in its own transaction; a failure is recorded in another one, a lost race releases the lock.
    /// Either transaction marks the attempt of <paramref name="next"/>.</summary>
    internal async Task ExecuteJobAsync(Guid jobId, Guid? next, CancellationToken ct)
    {
        var nodeId = _runtime.NodeId;
        try
        {
            await _executor.ExecuteAsync(Actor.System, async (ctx, runner) =>
            {
                ctx.JobId = jobId;
                await MarkAttemptAsync(ctx.Db, next, ctx.Now, ct);
                var job = await InstanceQueries.Job(ctx.Db, jobId, ct);
                if (job is null || job.LockOwner != nodeId) return false;
                if (job.ProcessInstanceId is not { } instanceId)
                {
                    ctx.Db.Jobs.Remove(job);
                    await StartByTimerAsync(ctx, runner, job, ct);
                    return true;
                }
                var state = await ctx.LoadInstanceAsync(instanceId, ct);
                if (state.Instance.IsSuspended)
                {
                    // Suspended after this node locked the job: leave it for when the instance is activated.
                    job.LockOwner = null;
                    job.LockExpiresAt = null;
                    job.IsSuspended = true;
                    job.Revision++;
                    return false;
                }
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
            _logger.LogInformation(e, "Job {JobId} lost a race; its lock is released", jobId);
            await ReleaseLocksAsync([jobId], clearAttemptOf: jobId, next, ct);
        }
        catch (StepBudgetExceededException e)
        {
            // The executor already parked the job with an incident: retrying would loop again.
            _logger.LogWarning(e, "Job {JobId} went past the step budget at {ElementId}", jobId, e.ElementId);
            // Its turn is over: the lock and its attempt mark go, and the next job of the batch is marked.
            await ReleaseLocksAsync([jobId], clearAttemptOf: jobId, next, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogWarning(e, "Job {JobId} failed", jobId);
            await RecordFailureAsync(jobId, e, next, ct);
        }
    }

    /// <summary>Gives this node's locks on <paramref name="jobIds"/> back (due as they were) and marks the attempt of
    /// <paramref name="next"/>.</summary>
    private Task ReleaseLocksAsync(IReadOnlyList<Guid> jobIds, Guid? clearAttemptOf, Guid? next = null, CancellationToken ct = default)
    {
        var node = _runtime.NodeId;
        return _executor.ExecuteAsync(Actor.System, async (ctx, _) =>
        {
            await MarkAttemptAsync(ctx.Db, next, ctx.Now, ct);
            await ctx.Db.Jobs.Where(j => jobIds.Contains(j.Id) && j.LockOwner == node).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LockOwner, (string?)null)
                .SetProperty(j => j.LockExpiresAt, (DateTimeOffset?)null)
                .SetProperty(j => j.Revision, j => j.Revision + 1), ct);
            if (clearAttemptOf is { } cleared)
                await ctx.Db.Jobs.Where(j => j.Id == cleared).ExecuteUpdateAsync(s => s.SetProperty(j => j.AttemptStartedAt, (DateTimeOffset?)null), ct);
            return true;
        }, ct);
    }

    /// <summary>A job taken over with an attempt that never finished (its node died while running it, or its lock expired):
    /// that attempt counts as a failure. True when retries are left (the job runs now); false when this was its last
    /// retry (an incident is raised and the job parks).</summary>
    private async Task<bool> CountInterruptedAttemptAsync(LockedJob locked, Guid? next, CancellationToken ct)
    {
        var message = $"The attempt started at {locked.InterruptedAttemptAt:yyyy-MM-dd'T'HH:mm:ss'Z'} by node '{locked.PreviousOwner}' "
            + "never finished (the node stopped or its lock expired).";
        var node = _runtime.NodeId;
        return await _executor.ExecuteAsync(Actor.System, async (ctx, _) =>
        {
            var job = await ctx.Db.Jobs.FirstOrDefaultAsync(j => j.Id == locked.Id, ct);
            if (job is null || job.LockOwner != node)
            {
                await MarkAttemptAsync(ctx.Db, next, ctx.Now, ct);
                return false;
            }
            _logger.LogWarning("Job {JobId}: {Message}", job.Id, message);
            var instance = job.ProcessInstanceId is { } id ? await ctx.LoadInstanceAsync(id, ct) : null;
            job.LastError = message;
            job.Revision++;
            if (job.Retries > 0)
            {
                job.Retries--;
                job.AttemptStartedAt = ctx.Now;
                ctx.History(instance, "JobFailed", job.ActivityId, details: $"{message} (retries left: {job.Retries})");
                return true;
            }
            await MarkAttemptAsync(ctx.Db, next, ctx.Now, ct);
            RaiseIncident(ctx, job, instance, message);
            return false;
        }, ct);
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
    private async Task RecordFailureAsync(Guid jobId, Exception error, Guid? next, CancellationToken ct)
    {
        var message = Describe(error);
        var node = _runtime.NodeId;
        await _executor.ExecuteAsync(Actor.System, async (ctx, _) =>
        {
            await MarkAttemptAsync(ctx.Db, next, ctx.Now, ct);
            var job = await ctx.Db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
            if (job is null || job.LockOwner != node) return false;
            job.LockOwner = null;
            job.LockExpiresAt = null;
            job.AttemptStartedAt = null;
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
            RaiseIncident(ctx, job, instance, message);
            return true;
        }, ct);
    }

    private static void RaiseIncident(CommandContext ctx, JobEntity job, InstanceState? instance, string message)
    {
        job.Retries = -1;
        job.LockOwner = null;
        job.LockExpiresAt = null;
        job.AttemptStartedAt = null;
        ctx.Db.Incidents.Add(new IncidentEntity
        {
            Id = EngineIds.New(), JobId = job.Id, ProcessInstanceId = job.ProcessInstanceId, ActivityId = job.ActivityId,
            Message = message, CreatedAt = ctx.Now,
        });
        ctx.History(instance, "IncidentCreated", job.ActivityId, details: message);
    }

    private static string Describe(Exception error)
    {
        var inner = error is ProcessEngineException || error.InnerException is null ? error : error.InnerException;
        var text = $"{inner.GetType().Name}: {inner.Message}";
        return text.Length > 2000 ? text[..2000] : text;
    }

    /// <summary>An operator retries a failed job: its incident is resolved and it is due now (one attempt). Only a job with an
    /// open incident can be retried (<see cref="ConflictException"/> otherwise: to move a timer, see <see cref="SetJobDueDateAsync"/>).</summary>
    public Task RetryJobAsync(Guid jobId, Actor actor, CancellationToken ct = default)
    {
        RequireOperator(actor, $"retry job {jobId}");
        return _executor.ExecuteAsync(actor, async (ctx, _) =>
        {
            var job = await ctx.Db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct)
                ?? throw new NotFoundException($"Job '{jobId}' does not exist.");
            var incidents = await ctx.Db.Incidents.Where(i => i.JobId == jobId && i.ResolvedAt == null).ToListAsync(ct);
            if (incidents.Count == 0)
                throw new ConflictException($"Job '{jobId}' has no open incident: only a failed job can be retried "
                    + "(a timer is moved with PUT /api/engine/jobs/{id}/due-date).");
            var instance = job.ProcessInstanceId is { } id ? await ctx.LoadInstanceAsync(id, ct) : null;
            job.Retries = Math.Max(job.Retries, 0);
            job.DueAt = ctx.Now;
            job.LockOwner = null;
            job.LockExpiresAt = null;
            job.AttemptStartedAt = null;
            job.Revision++;
            foreach (var incident in incidents)
            {
                incident.ResolvedAt = ctx.Now;
                ctx.History(instance, "IncidentResolved", job.ActivityId, details: incident.Message);
            }
            ctx.CreatedDueJob = true;
            return true;
        }, ct);
    }

    /// <summary>An operator moves a job's due date (typically a timer). Audited (history row <c>JobDueDateChanged</c> with the
    /// actor, old and new date); it moves only the job: variables and dates stored by the process are not touched.</summary>
    /// <exception cref="ForbiddenException">The actor is not in <see cref="EngineOptions.OperatorGroups"/>.</exception>
    /// <exception cref="NotFoundException">No such job.</exception>
    /// <exception cref="ConflictException">The job is being executed (locked by a node) or parked by an incident.</exception>
    public Task SetJobDueDateAsync(Guid jobId, DateTimeOffset dueAt, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireOperator(actor, $"move the due date of job {jobId}");
        return _executor.ExecuteAsync(actor, async (ctx, _) =>
        {
            var job = await ctx.Db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct)
                ?? throw new NotFoundException($"Job '{jobId}' does not exist.");
            if (job.Retries < 0)
                throw new ConflictException($"Job '{jobId}' has an open incident: retry it instead of moving it.");
            if (job.LockExpiresAt is { } lockedUntil && lockedUntil > ctx.Now)
                throw new ConflictException($"Job '{jobId}' is being executed by node '{job.LockOwner}'; try again in a moment.");
            var instance = job.ProcessInstanceId is { } id ? await ctx.LoadInstanceAsync(id, ct) : null;
            var before = job.DueAt;
            job.DueAt = dueAt;
            job.Revision++;
            ctx.History(instance, "JobDueDateChanged", job.ActivityId,
                details: $"job {job.Id}: {before.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} -> {dueAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
            ctx.NoteJobDue(dueAt);
            return true;
        }, ct);
    }

    /// <summary>When the next job is due (any job not parked by an incident, locked or not), if any.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Jobs.Where(j => j.Retries >= 0 && !j.IsSuspended).OrderBy(j => j.DueAt).Select(j => (DateTimeOffset?)j.DueAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>When this node should look for jobs again: the earliest due time of a job it may take (jobs locked by
    /// others are ignored) or the earliest expiry of a lock held by another node, whichever comes first; null when there
    /// is no job at all.</summary>
    public async Task<DateTimeOffset?> NextWakeAtAsync(CancellationToken ct = default)
    {
        var now = Time.GetUtcNow();
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var due = await db.Jobs.Where(Takeable(now)).OrderBy(j => j.DueAt).Select(j => (DateTimeOffset?)j.DueAt).FirstOrDefaultAsync(ct);
        var expiry = await db.Jobs.Where(j => j.Retries >= 0 && j.LockExpiresAt > now)
            .OrderBy(j => j.LockExpiresAt).Select(j => j.LockExpiresAt).FirstOrDefaultAsync(ct);
        return (due, expiry) switch
        {
            ({ } d, { } e) => d < e ? d : e,
            ({ } d, null) => d,
            (null, var e) => e,
        };
    }
}
