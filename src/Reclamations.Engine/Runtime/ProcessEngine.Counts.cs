using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

public sealed partial class ProcessEngine
{
    /// <summary>How many instances of each definition version (id <c>key:version</c>) are still running: one grouped count,
    /// no instance data (the studio's version list).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountActiveInstancesByDefinitionAsync(CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.ProcessInstances.AsNoTracking().Where(i => i.State == ProcessInstanceState.Active)
            .GroupBy(i => i.DefinitionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
