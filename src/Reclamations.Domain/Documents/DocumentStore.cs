using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Documents;

/// <summary>
/// The files of the case files, under <c>{DataDirectory}/documents/{complaintId}/{documentId}-{safe name}</c>.
/// The SHA-256 is computed while writing and checked again on every read, so an altered file is refused.
/// </summary>
public sealed class DocumentStore(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider timeProvider, DocumentStoreOptions options)
{
    private const int BufferSize = 81920;

    /// <summary>Stores the file and its metadata row (audited "Document ajouté").</summary>
    /// <exception cref="DocumentTooLargeException">The content is over <see cref="DocumentStoreOptions.MaxSizeBytes"/>; nothing was stored.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has that id.</exception>
    public async Task<ComplaintDocument> AddAsync(
        Guid complaintId, DocumentKind kind, string fileName, string contentType, Stream content, string user,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Complaints.AnyAsync(c => c.Id == complaintId, cancellationToken))
        {
            throw new ComplaintNotFoundException($"La réclamation {complaintId} n'existe pas.");
        }

        var id = Guid.NewGuid();
        var relativePath = $"documents/{complaintId:D}/{id:N}-{SafeFileName.From(fileName)}";
        var fullPath = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var partial = fullPath + ".part";
        try
        {
            var (sha256, size) = await WriteAsync(content, partial, cancellationToken);
            File.Move(partial, fullPath);
            var document = new ComplaintDocument
            {
                Id = id,
                ComplaintId = complaintId,
                Kind = kind,
                FileName = Path.GetFileName(fileName.Replace('\\', '/')),
                ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType,
                Sha256 = sha256,
                Size = size,
                StoragePath = relativePath,
                UploadedAt = timeProvider.GetUtcNow(),
                UploadedBy = user,
            };
            db.Documents.Add(document);
            db.AuditEntries.Add(new AuditEntry
            {
                ComplaintId = complaintId,
                At = document.UploadedAt,
                User = user,
                Action = AuditActions.DocumentAdded,
                Details = AuditDiff.Changes([], AuditDiff.Snapshot(document), "id", "complaintId").ToJsonString(AuditDiff.Json),
            });
            await db.SaveChangesAsync(cancellationToken);
            return document;
        }
        catch
        {
            File.Delete(partial);
            File.Delete(fullPath);
            throw;
        }
    }

    /// <summary>The documents of a complaint, oldest first.</summary>
    public async Task<IReadOnlyList<ComplaintDocument>> ListAsync(Guid complaintId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Documents.AsNoTracking().Where(d => d.ComplaintId == complaintId)
            .OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Opens a document for download after checking its SHA-256.</summary>
    /// <exception cref="DocumentNotFoundException">No document has that id.</exception>
    /// <exception cref="DocumentIntegrityException">The file is missing or was altered since upload.</exception>
    public async Task<OpenedDocument> OpenAsync(Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken)
            ?? throw new DocumentNotFoundException($"Le document {documentId} n'existe pas.");
        var fullPath = FullPath(document.StoragePath);
        if (!File.Exists(fullPath))
        {
            throw new DocumentIntegrityException(documentId,
                $"Le fichier du document « {document.FileName} » est introuvable dans le stockage.");
        }

        var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        try
        {
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            if (!string.Equals(actual, document.Sha256, StringComparison.OrdinalIgnoreCase) || stream.Length != document.Size)
            {
                throw new DocumentIntegrityException(documentId,
                    $"Le fichier du document « {document.FileName} » a été modifié depuis son dépôt (empreinte SHA-256 différente) : il ne peut pas être délivré.");
            }

            stream.Position = 0;
            return new OpenedDocument(document, stream);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private async Task<(string Sha256, long Size)> WriteAsync(Stream content, string path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        var buffer = new byte[BufferSize];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            if (size > options.MaxSizeBytes) throw new DocumentTooLargeException(options.MaxSizeBytes);
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        await file.FlushAsync(ct);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private string FullPath(string relativePath) =>
        Path.GetFullPath(Path.Combine(options.DataDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar)));
}
