using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Reporting.Annual;

/// <summary>The complaints officer's free-text analysis of a year (for a scope), saved as numbered versions with who and when.</summary>
public sealed class AnnualAnalysisStore(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider timeProvider)
{
    public const int MaxLength = 20_000;

    /// <summary>The versions for the year and scope, newest first.</summary>
    public async Task<IReadOnlyList<AnnualAnalysisVersion>> VersionsAsync(int year, string scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AnnualAnalysisVersions.AsNoTracking().Where(v => v.Year == year && v.Scope == scope)
            .OrderByDescending(v => v.Version).ToListAsync(ct);
    }

    public async Task<AnnualAnalysisVersion?> LatestAsync(int year, string scope, CancellationToken ct = default) =>
        (await VersionsAsync(year, scope, ct)).FirstOrDefault();

    /// <summary>Saves a new version. <paramref name="expectedVersion"/>: the version the writer started from (0: none).</summary>
    /// <exception cref="RegisterValidationException">The text is empty or too long; nothing was stored.</exception>
    /// <exception cref="ComplaintConflictException">Someone saved another version meanwhile; nothing was stored.</exception>
    public async Task<AnnualAnalysisVersion> SaveAsync(int year, string scope, string? text, int? expectedVersion, string user, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (string.IsNullOrWhiteSpace(text)) throw new RegisterValidationException([new("text", "Le texte de l'analyse est obligatoire.")]);
        if (text.Length > MaxLength)
            throw new RegisterValidationException([new("text", $"L'analyse ne doit pas dépasser {MaxLength} caractères ({text.Length} reçus).")]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.AnnualAnalysisVersions.Where(v => v.Year == year && v.Scope == scope).MaxAsync(v => (int?)v.Version, ct) ?? 0;
        if (expectedVersion is { } expected && expected != latest)
            throw new ComplaintConflictException(
                $"L'analyse {year} ({scope}) a été enregistrée entre-temps (version {latest}, vous partiez de la version {expected}) : rechargez-la.", null);
        var version = new AnnualAnalysisVersion
        {
            Year = year, Scope = scope, Version = latest + 1, Text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            SavedBy = user, SavedAt = timeProvider.GetUtcNow(),
        };
        db.AnnualAnalysisVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            throw new ComplaintConflictException($"L'analyse {year} ({scope}) a été enregistrée entre-temps : rechargez-la.", e);
        }

        return version;
    }
}
