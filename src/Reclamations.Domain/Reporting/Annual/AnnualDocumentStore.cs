using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Reporting.Annual;

/// <summary>The annual documents as generated: each kept with its SHA-256, the hash of its figures, who and when.</summary>
public sealed class AnnualDocumentStore(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider timeProvider)
{
    /// <summary>Stores a generated document and returns its row (content included). A document of the same kind, year and
    /// scope already stored from the same figures and analysis version is returned instead: asking again for an unchanged
    /// report never adds a row.</summary>
    public async Task<AnnualDocument> StoreAsync(string kind, int year, string scope, string fileName, string contentType, byte[] content,
        string figuresSha256, int? analysisVersion, string user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (!AnnualDocumentKinds.Labels.ContainsKey(kind)) throw new ArgumentException($"Unknown annual document kind {kind}.", nameof(kind));
        var document = new AnnualDocument
        {
            Id = Guid.NewGuid(), Kind = kind, Year = year, Scope = scope, FileName = fileName, ContentType = contentType, Content = content,
            Size = content.LongLength, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), FiguresSha256 = figuresSha256,
            AnalysisVersion = analysisVersion, GeneratedBy = user, GeneratedAt = timeProvider.GetUtcNow(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var same = await db.AnnualDocuments.AsNoTracking()
            .Where(d => d.Kind == kind && d.Year == year && d.Scope == scope && d.FiguresSha256 == figuresSha256 && d.AnalysisVersion == analysisVersion)
            .OrderBy(d => d.GeneratedAt).FirstOrDefaultAsync(ct);
        if (same is not null) return same;
        db.AnnualDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>The documents generated, newest first, without their content.</summary>
    public async Task<IReadOnlyList<AnnualDocument>> ListAsync(int max = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AnnualDocuments.AsNoTracking().OrderByDescending(d => d.GeneratedAt).Take(max)
            .Select(d => new AnnualDocument
            {
                Id = d.Id, Kind = d.Kind, Year = d.Year, Scope = d.Scope, FileName = d.FileName, ContentType = d.ContentType, Content = Array.Empty<byte>(),
                Size = d.Size, Sha256 = d.Sha256, FiguresSha256 = d.FiguresSha256, AnalysisVersion = d.AnalysisVersion,
                GeneratedBy = d.GeneratedBy, GeneratedAt = d.GeneratedAt,
            }).ToListAsync(ct);
    }

    /// <exception cref="ComplaintNotFoundException">No document has that id.</exception>
    public async Task<AnnualDocument> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AnnualDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct)
               ?? throw new ComplaintNotFoundException($"Le document annuel {id} n'existe pas.");
    }
}
