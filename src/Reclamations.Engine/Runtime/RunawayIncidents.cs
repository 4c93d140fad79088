using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Records the incident of a command that went past its step budget, in a transaction of its own after the
/// command rolled back: on the job it ran (which parks: retrying would loop again), else on the instance.</summary>
internal static class RunawayIncidents
{
    public static async Task<bool> RecordAsync(CommandContext ctx, StepBudgetExceededException budget, CancellationToken ct)
    {
        var job = budget.JobId is { } jobId ? await ctx.Db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, ct) : null;
        if (job is not null)
        {
            job.Retries = -1;
            job.LockOwner = null;
            job.LockExpiresAt = null;
            job.LastError = budget.Message;
            job.Revision++;
        }
        var instance = budget.IncidentInstanceId is { } id && await ctx.Db.ProcessInstances.AnyAsync(i => i.Id == id, ct)
            ? await ctx.LoadInstanceAsync(id, ct)
            : null;
        ctx.Db.Incidents.Add(new IncidentEntity
        {
            Id = EngineIds.New(), JobId = job?.Id, ProcessInstanceId = instance?.Id, ActivityId = budget.IncidentActivityId,
            Message = budget.Message, CreatedAt = ctx.Now,
        });
        ctx.History(instance, "IncidentCreated", budget.IncidentActivityId, details: budget.Message);
        return true;
    }
}
