using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Retention;

namespace Reclamations.Domain.Audit;

/// <summary>
/// The one change an audit row may undergo: its personal values are removed from <see cref="AuditEntry.Details"/> (the
/// fields <see cref="PersonalData"/> does not keep lose their values, their names stay), and <see cref="AuditEntry.ErasedAt"/>
/// is set. The digests and the MAC are left as they were, so the chain still verifies.
/// </summary>
public static class AuditErasure
{
    /// <summary>Erases the personal values of every audit row of the complaint, in the caller's transaction. Returns how many
    /// rows changed.</summary>
    public static async Task<int> EraseAsync(DomainDbContext db, Guid complaintId, DateTimeOffset now, CancellationToken ct = default)
    {
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.ComplaintId == complaintId).ToListAsync(ct);
        var changed = 0;
        foreach (var row in rows)
        {
            var details = Erase(row.Details);
            if (details == row.Details && row.ErasedAt is not null) continue;
            changed += await db.AuditEntries.Where(a => a.Id == row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, details).SetProperty(a => a.ErasedAt, now), ct);
        }

        return changed;
    }

    /// <summary>The details without the personal values: a kept field stays whole, any other keeps its name and loses its
    /// values (<c>{"complainant.email":{}}</c>).</summary>
    public static string Erase(string details)
    {
        var node = AuditDigests.Parse(details);
        var erased = new JsonObject();
        foreach (var (name, value) in node)
            erased[name] = PersonalData.KeepsAuditField(name) ? value?.DeepClone() : new JsonObject();
        return erased.ToJsonString(AuditDiff.Json);
    }
}
