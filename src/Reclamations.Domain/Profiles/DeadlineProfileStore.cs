using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Profiles;

/// <summary>The editable deadline profiles (seeded with FR-ACPR and LU-CAA by <see cref="DomainDb.MigrateAsync"/>).</summary>
public sealed class DeadlineProfileStore(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<DeadlineProfile>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DeadlineProfiles.AsNoTracking().OrderBy(p => p.Code).ToListAsync(cancellationToken);
        return rows.Select(r => DeadlineProfileJson.Read(r.Json)).ToList();
    }

    /// <exception cref="DeadlineProfileNotFoundException">No profile has that code.</exception>
    public async Task<DeadlineProfile> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, code, cancellationToken) ?? throw new DeadlineProfileNotFoundException(code);
    }

    /// <summary>Creates or replaces the profile with its code. Complaints already registered keep their computed deadlines.</summary>
    /// <exception cref="DeadlineProfileValidationException">The profile is invalid; nothing was stored.</exception>
    public async Task<DeadlineProfile> SaveAsync(DeadlineProfile profile, CancellationToken cancellationToken = default)
    {
        var errors = DeadlineProfileValidator.Validate(profile);
        if (errors.Count > 0) throw new DeadlineProfileValidationException(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.DeadlineProfiles.FindAsync([profile.Code], cancellationToken);
        if (row is null)
        {
            row = new DeadlineProfileEntity { Code = profile.Code, Json = "" };
            db.DeadlineProfiles.Add(row);
        }

        row.Json = DeadlineProfileJson.Write(profile);
        row.UpdatedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }

    internal static async Task<DeadlineProfile?> FindAsync(DomainDbContext db, string code, CancellationToken cancellationToken)
    {
        var row = await db.DeadlineProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        return row is null ? null : DeadlineProfileJson.Read(row.Json);
    }
}
