using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Audit;

/// <summary>Records an event of a complaint that changes none of its fields (an export, a verification) in its audit
/// trail, sealed into the chain like any row.</summary>
public sealed class AuditRecorder(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider time)
{
    public async Task RecordAsync(IEnumerable<Guid> complaintIds, string user, string action, object details, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var json = System.Text.Json.JsonSerializer.Serialize(details, AuditDiff.Json);
        foreach (var id in complaintIds.Distinct())
            db.AuditEntries.Add(new AuditEntry { ComplaintId = id, At = now, User = user, Action = action, Details = json });
        await db.SaveChangesAsync(ct);
    }
}
