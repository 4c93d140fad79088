using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Api;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Erasure of personal data (retention): an ended instance keeps its trail (activities, tasks, who and when) and
/// loses its variables and every value its history recorded.</summary>
public sealed partial class ProcessEngine
{
    /// <summary>Erases the variables of an ended instance and of the instances it called, and the values their history
    /// recorded (variable values and details); the activity and task trail stays, and a <c>PersonalDataErased</c> history row
    /// names the actor and the reason. Operators (and the engine's own actor) only. Refused (409) for an instance still
    /// running or under a legal hold, and nothing is changed. Returns how many variables were removed.</summary>
    public Task<int> ErasePersonalDataAsync(Guid processInstanceId, string reason, Actor actor, CancellationToken ct = default)
    {
        RequireOperator(actor, "erase the personal data of a process instance");
        if (string.IsNullOrWhiteSpace(reason)) throw new RejectedException("reason: an erasure needs a reason.");
        return _executor.ExecuteAsync(actor, async (ctx, _) =>
        {
            var ids = new List<Guid>();
            var pending = new Queue<Guid>([processInstanceId]);
            while (pending.TryDequeue(out var id))
            {
                var instance = await ctx.Db.ProcessInstances.FirstOrDefaultAsync(i => i.Id == id, ct)
                    ?? throw new NotFoundException($"Process instance '{id}' does not exist.");
                if (instance.State == ProcessInstanceState.Active)
                    throw new ConflictException($"Process instance '{id}' is still running; its personal data cannot be erased.");
                if (instance.LegalHold)
                    throw new ConflictException($"Process instance '{id}' is under a legal hold; its personal data cannot be erased.");
                instance.Revision++;
                ids.Add(id);
                foreach (var called in await ctx.Db.ProcessInstances.AsNoTracking().Where(i => i.SuperProcessInstanceId == id)
                             .Select(i => i.Id).ToListAsync(ct))
                    pending.Enqueue(called);
            }

            var variables = await ctx.Db.Variables.Where(v => ids.Contains(v.ProcessInstanceId)).ExecuteDeleteAsync(ct);
            await ctx.Db.History.Where(h => ids.Contains(h.ProcessInstanceId!.Value) && (h.Value != null || h.VariableName != null))
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Value, (string?)null).SetProperty(h => h.Details, (string?)null), ct);
            foreach (var id in ids)
            {
                ctx.PendingHistory.Add(new HistoryEventEntity
                {
                    ProcessInstanceId = id, Timestamp = ctx.Now, EventType = "PersonalDataErased", ActivityType = "process",
                    UserId = ctx.UserId, Details = reason,
                });
            }

            return variables;
        }, ct);
    }
}
