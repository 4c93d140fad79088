using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>A service task's legal hold (<see cref="Handlers.ServiceTaskContext.PlaceLegalHoldAsync"/>): the step's instance,
/// its callers up to the root and every instance they called, in the step's own transaction (the domain's hold commits
/// with it), each change in the instance's history.</summary>
internal static class LegalHoldInStep
{
    public static async Task PlaceAsync(CommandContext ctx, Guid instanceId, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A legal hold needs a reason.", nameof(reason));
        var root = await ctx.Db.ProcessInstances.FirstAsync(i => i.Id == instanceId, ct);
        while (root.SuperProcessInstanceId is { } parent)
            root = await ctx.Db.ProcessInstances.FirstAsync(i => i.Id == parent, ct);
        var loaded = ctx.LoadedInstances.Select(s => s.Instance).ToHashSet();
        var pending = new Queue<ProcessInstanceEntity>([root]);
        while (pending.TryDequeue(out var instance))
        {
            if (!instance.LegalHold)
            {
                instance.LegalHold = true;
                // A loaded instance's revision is bumped when the command saves; any other one here.
                if (!loaded.Contains(instance)) instance.Revision++;
                ctx.PendingHistory.Add(new HistoryEventEntity
                {
                    ProcessInstanceId = instance.Id, Timestamp = ctx.Now, EventType = "LegalHoldSet",
                    ActivityId = instance.DefinitionKey, ActivityType = "process", UserId = ctx.UserId, Details = reason,
                });
            }
            foreach (var called in await ctx.Db.ProcessInstances.Where(i => i.SuperProcessInstanceId == instance.Id).ToListAsync(ct))
                pending.Enqueue(called);
        }
    }
}
