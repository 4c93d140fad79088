using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Audit;

/// <summary>The first row where the chain breaks: its id and sequence number (null when the row itself is gone), and what
/// differs.</summary>
public sealed record AuditChainBreak(long? Id, long? Sequence, string Problem);

/// <summary>The outcome of a verification: how many rows were checked, the chain's last sequence number, the first break.</summary>
public sealed record AuditVerification(bool Valid, long Rows, long LastSequence, long ErasedRows, AuditChainBreak? FirstBreak);

/// <summary>Checks the whole audit chain: sequence numbers without gap, every present value against its digest, every MAC
/// against the previous one, the head row against the last row.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(DomainDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var chain = db.Chain ?? throw new InvalidOperationException("The audit chain cannot be verified without its key (Audit:Key).");
        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, ct);
        long rows = 0, erased = 0, expected = 1;
        var previousMac = "";
        AuditVerification Broken(long? id, long? sequence, string problem) =>
            new(false, rows, expected - 1, erased, new AuditChainBreak(id, sequence, problem));

        await foreach (var row in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ThenBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            rows++;
            if (row.ErasedAt is not null) erased++;
            if (row.Sequence is null || row.Mac is null || row.ValueDigests is null)
                return Broken(row.Id, row.Sequence, "the row is not sealed (no sequence number, digests or MAC)");
            if (row.Sequence != expected)
            {
                return Broken(row.Id, row.Sequence, row.Sequence > expected
                    ? $"the row(s) with sequence {expected}{(row.Sequence - 1 > expected ? $" to {row.Sequence - 1}" : "")} are missing (deleted)"
                    : $"sequence number {row.Sequence} comes twice");
            }

            var values = AuditDigests.Compare(row.Details, row.ValueDigests, erased: row.ErasedAt is not null);
            if (values.Length > 0) return Broken(row.Id, row.Sequence, values);
            if (!AuditChain.SameMac(chain.MacOf(row, previousMac), row.Mac))
            {
                return Broken(row.Id, row.Sequence,
                    "the MAC does not match: its time, user, action, complaint, digests or the previous row's MAC were changed");
            }

            previousMac = row.Mac;
            expected++;
        }

        if (head is null) return Broken(null, null, "the chain head row is missing");
        if (head.Sequence != expected - 1 || (head.Sequence > 0 && !AuditChain.SameMac(head.Mac, previousMac)))
        {
            return head.Sequence > expected - 1
                ? Broken(null, expected, $"the row(s) with sequence {expected} to {head.Sequence} at the end of the chain are missing (deleted)")
                : Broken(null, head.Sequence, "the chain head does not match the last row");
        }

        return new AuditVerification(true, rows, expected - 1, erased, null);
    }
}
