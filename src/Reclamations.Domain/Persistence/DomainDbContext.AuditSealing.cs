using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;

namespace Reclamations.Domain.Persistence;

public sealed partial class DomainDbContext
{
    /// <summary>
    /// Saves, sealing the new audit rows first: inside the transaction (the caller's, else one of its own, begun before
    /// the chain head is read), the head row is read, each new row gets the next sequence number and its MAC, and the head
    /// is moved with a compare-and-set on its sequence. SQLite transactions here are <c>BEGIN IMMEDIATE</c> (the write lock
    /// is held from the start), so concurrent writers queue; a writer that still found the head moved gets a
    /// <see cref="DbUpdateConcurrencyException"/> and writes nothing, and the unique index on the sequence number forbids a
    /// fork whatever happens.
    /// </summary>
    private async Task<int> SaveSealedAsync(bool acceptAllChangesOnSuccess, bool async, CancellationToken ct)
    {
        var added = ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Mac is null).Select(e => e.Entity).ToList();
        if (added.Count == 0)
            return await SaveCountedAsync(acceptAllChangesOnSuccess, async, ct);

        var chain = Chain ?? throw new InvalidOperationException(
            "Audit rows cannot be written: this DomainDbContext has no audit chain key (configure Audit:Key; " +
            "build the options with UseAuditChain, or pass the chain to DomainDb.On).");
        var own = Database.CurrentTransaction is null
            ? async ? await Database.BeginTransactionAsync(ct) : Database.BeginTransaction()
            : null;
        try
        {
            var head = async
                ? await AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, ct)
                : AuditChainHeads.AsNoTracking().SingleOrDefault(h => h.Id == AuditChainHead.SingletonId);
            if (head is null)
                throw new InvalidOperationException("The audit chain head row is missing: the domain store's migrations have not run.");
            var seen = head.Sequence;
            foreach (var entry in added) chain.Seal(entry, head);
            var query = AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId && h.Sequence == seen);
            var moved = async
                ? await query.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, head.Sequence).SetProperty(h => h.Mac, head.Mac), ct)
                : query.ExecuteUpdate(s => s.SetProperty(h => h.Sequence, head.Sequence).SetProperty(h => h.Mac, head.Mac));
            if (moved != 1)
                throw new DbUpdateConcurrencyException("The audit chain head moved meanwhile; nothing was saved. Try again.");
            var count = await SaveCountedAsync(acceptAllChangesOnSuccess, async, ct);
            if (own is not null)
            {
                if (async) await own.CommitAsync(ct);
                else own.Commit();
            }

            return count;
        }
        catch
        {
            // Unsealed again, so that a retry on this context seals them anew.
            foreach (var entry in added)
            {
                entry.Sequence = null;
                entry.ValueDigests = null;
                entry.Mac = null;
            }

            throw;
        }
        finally
        {
            if (own is not null)
            {
                if (async) await own.DisposeAsync();
                else own.Dispose();
            }
        }
    }
}
