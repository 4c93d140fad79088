using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;

namespace Reclamations.Domain.Persistence;

/// <summary>The data half of the migration <c>AuditChainRetention</c>: the rows written before the chain existed are
/// chained at start-up, in the order they were written, with the configured key (which no SQL migration may hold).</summary>
internal static class AuditChainMigration
{
    public static async Task ChainUnsealedRowsAsync(DomainDbContext db, CancellationToken ct)
    {
        if (!await db.AuditEntries.AnyAsync(a => a.Mac == null, ct)) return;
        var chain = db.Chain ?? throw new InvalidOperationException(
            "Audit rows written before the audit chain existed must be chained: configure Audit:Key.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var head = await db.AuditChainHeads.SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Mac == null).OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var row in rows)
        {
            chain.Seal(row, head);
            await db.AuditEntries.Where(a => a.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Sequence, row.Sequence)
                .SetProperty(a => a.ValueDigests, row.ValueDigests)
                .SetProperty(a => a.Mac, row.Mac), ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
