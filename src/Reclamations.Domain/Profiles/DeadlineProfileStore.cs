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

    /// <summary>Creates the profile or saves a new version of it (version number, who and when kept). Complaints already
    /// registered keep the deadlines computed with the version they record.</summary>
    /// <exception cref="DeadlineProfileValidationException">The profile is invalid; nothing was stored.</exception>
    public async Task<DeadlineProfile> SaveAsync(DeadlineProfile profile, string savedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(savedBy);
        var errors = DeadlineProfileValidator.Validate(profile);
        if (errors.Count > 0) throw new DeadlineProfileValidationException(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.DeadlineProfiles.FindAsync([profile.Code], cancellationToken);
        if (row is null)
        {
            row = new DeadlineProfileEntity { Code = profile.Code, Json = "" };
            db.DeadlineProfiles.Add(row);
        }

        else
        {
            row.Version++;
        }

        row.Json = DeadlineProfileJson.Write(profile);
        row.UpdatedAt = timeProvider.GetUtcNow();
        row.UpdatedBy = savedBy;
        db.DeadlineProfileVersions.Add(new DeadlineProfileVersion
        {
            Code = row.Code, Version = row.Version, Json = row.Json, SavedAt = row.UpdatedAt, SavedBy = savedBy,
        });
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }

    /// <summary>Every version of a profile, oldest first.</summary>
    public async Task<IReadOnlyList<DeadlineProfileVersion>> VersionsAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DeadlineProfileVersions.AsNoTracking().Where(v => v.Code == code).OrderBy(v => v.Version).ToListAsync(cancellationToken);
    }

    /// <summary>The profile as it was in <paramref name="version"/> (the one a complaint's deadlines were computed with).</summary>
    /// <exception cref="DeadlineProfileNotFoundException">No such profile version.</exception>
    internal static async Task<DeadlineProfile> GetVersionAsync(DomainDbContext db, string code, int version, CancellationToken cancellationToken)
    {
        var row = await db.DeadlineProfileVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Code == code && v.Version == version, cancellationToken);
        if (row is not null) return DeadlineProfileJson.Read(row.Json);
        // Complaints registered before versions were kept record version 0: the profile as it is now is all there is.
        return await FindAsync(db, code, cancellationToken) ?? throw new DeadlineProfileNotFoundException(code);
    }

    /// <summary>The current version of a profile and its number, null when no profile has that code.</summary>
    internal static async Task<(DeadlineProfile Profile, int Version)?> FindVersionAsync(DomainDbContext db, string code,
        CancellationToken cancellationToken)
    {
        var row = await db.DeadlineProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        return row is null ? null : (DeadlineProfileJson.Read(row.Json), row.Version);
    }

    internal static async Task<DeadlineProfile?> FindAsync(DomainDbContext db, string code, CancellationToken cancellationToken)
    {
        var row = await db.DeadlineProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        return row is null ? null : DeadlineProfileJson.Read(row.Json);
    }
}
