using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Letters;

/// <summary>The one source of the templates in force, for rendering, previews and includes: of each letter and shared part, the
/// latest version saved in the studio (<see cref="LetterTemplateVersion"/>), else the file of <c>templates/</c> (version 0).
/// A saved version never changes, so each is parsed once and kept.</summary>
public sealed class LetterTemplateCatalog(IDbContextFactory<DomainDbContext> dbFactory, LetterTemplateStore defaults)
{
    private readonly ConcurrentDictionary<(string Key, int Version), LetterTemplate> _parsed = new();

    /// <summary>The files (version 0 of every key).</summary>
    public LetterTemplateStore Defaults => defaults;

    /// <summary>The templates in force, read on the caller's context (e.g. in the engine step's transaction that writes the
    /// letter, so the letter is rendered with the version current when it is rendered).</summary>
    public LetterTemplateStore Current(DomainDbContext db)
    {
        var latest = db.LetterTemplateVersions.AsNoTracking()
            .GroupBy(v => v.Name).Select(g => new { Key = g.Key, Version = g.Max(v => v.Version) }).ToList();
        if (latest.Count == 0) return defaults;
        var replacements = new Dictionary<string, LetterTemplate>(StringComparer.Ordinal);
        foreach (var entry in latest.Where(e => defaults.Find(e.Key) is not null))
            replacements[entry.Key] = _parsed.GetOrAdd((entry.Key, entry.Version), k => Load(db, k.Key, k.Version));
        return defaults.With(replacements);
    }

    public async Task<LetterTemplateStore> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Current(db);
    }

    /// <summary>Every saved version of a key, newest first (the file's version 0 is not listed).</summary>
    public async Task<IReadOnlyList<LetterTemplateVersion>> VersionsAsync(string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LetterTemplateVersions.AsNoTracking().Where(v => v.Name == key)
            .OrderByDescending(v => v.Version).Take(500).ToListAsync(ct);
    }

    /// <summary>The latest saved version of every edited key.</summary>
    public async Task<IReadOnlyDictionary<string, LetterTemplateVersion>> LatestAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.LetterTemplateVersions.AsNoTracking()
            .Where(v => v.Version == db.LetterTemplateVersions.Where(o => o.Name == v.Name).Max(o => o.Version)).ToListAsync(ct);
        return rows.ToDictionary(v => v.Name, StringComparer.Ordinal);
    }

    /// <summary>The text of one version of a key (0: the file), or null when there is no such version.</summary>
    public async Task<string?> SourceAsync(string key, int version, CancellationToken ct = default)
    {
        if (defaults.Find(key) is not { } file) return null;
        if (version == 0) return file.Source;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LetterTemplateVersions.AsNoTracking().Where(v => v.Name == key && v.Version == version)
            .Select(v => v.Body).FirstOrDefaultAsync(ct);
    }

    /// <summary>Adds version n+1 of a key (the caller has validated the text); its author, time and comment are its audit trail.</summary>
    public async Task<LetterTemplateVersion> AppendAsync(string key, string body, string comment, string author, DateTimeOffset at,
        CancellationToken ct = default)
    {
        if (defaults.Find(key) is null) throw new ArgumentException($"Unknown template key '{key}'.", nameof(key));
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var current = await db.LetterTemplateVersions.Where(v => v.Name == key).MaxAsync(v => (int?)v.Version, ct) ?? 0;
        var version = new LetterTemplateVersion { Name = key, Version = current + 1, Body = body, Comment = comment, Author = author, At = at };
        db.LetterTemplateVersions.Add(version);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return version;
    }

    private static LetterTemplate Load(DomainDbContext db, string key, int version)
    {
        var body = db.LetterTemplateVersions.AsNoTracking().Where(v => v.Name == key && v.Version == version).Select(v => v.Body).First();
        return LetterTemplateStore.Parse(LetterTemplateKeys.FileName(key), body, version);
    }
}
