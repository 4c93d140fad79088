using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;

namespace Reclamations.Domain.Retention;

/// <summary>What one run of the retention did.</summary>
public sealed record RetentionRun(int Erased, int Skipped, IReadOnlyList<string> ErasedReferences);

/// <summary>
/// The retention of personal data: a complaint closed longer than <see cref="RetentionOptions.PeriodYears"/> ago and not
/// under a legal hold loses its personal data — the complainant's identity and contact, the free texts, the documents'
/// files and names, the letters' bodies and the outbox copies, the values of its audit rows (digests kept: the chain still
/// verifies), and, through the engine's own command, the variables and history values of its process instances. The
/// statistics stay: dates, category, profile, channel, level, status, outcome, breaches, the kind of complainant.
/// </summary>
public sealed class ComplaintRetention(IDbContextFactory<DomainDbContext> dbFactory, ProcessEngine engine, TimeProvider time,
    RetentionOptions options, DocumentStoreOptions storage, ILogger<ComplaintRetention> logger)
{
    public const string ErasedAction = "Données personnelles effacées (durée de conservation échue)";
    private const string EngineReason = "Durée de conservation échue (données personnelles de la réclamation effacées)";

    public RetentionOptions Options => options;

    /// <summary>The closing instant before which a complaint is due.</summary>
    public DateTimeOffset Cutoff => time.GetUtcNow().AddYears(-options.PeriodYears);

    /// <summary>Erases the due complaints, at most <see cref="RetentionOptions.BatchSize"/> per batch, while
    /// <paramref name="mayGoOn"/> holds (the window). A complaint that cannot be erased now (its process still runs, or its
    /// engine instance is held) is skipped and logged.</summary>
    public async Task<RetentionRun> RunAsync(Func<bool>? mayGoOn = null, CancellationToken ct = default)
    {
        var erased = new List<string>();
        var skipped = new HashSet<Guid>();
        while (!ct.IsCancellationRequested && (mayGoOn?.Invoke() ?? true))
        {
            var batch = await DueAsync(skipped, ct);
            if (batch.Count == 0) break;
            foreach (var id in batch)
            {
                if (await EraseAsync(id, ct) is { } reference) erased.Add(reference);
                else skipped.Add(id);
            }

            if (batch.Count < options.BatchSize) break;
        }

        if (erased.Count + skipped.Count > 0)
            logger.LogInformation("Retention: personal data of {Erased} complaint(s) erased, {Skipped} skipped", erased.Count, skipped.Count);
        return new RetentionRun(erased.Count, skipped.Count, erased);
    }

    private async Task<List<Guid>> DueAsync(HashSet<Guid> skipped, CancellationToken ct)
    {
        var cutoff = Cutoff;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Complaints.AsNoTracking()
            .Where(c => c.Status == ComplaintStatus.Closed && c.ClosedAt != null && c.ClosedAt <= cutoff && !c.LegalHold && c.PersonalDataErasedAt == null)
            .OrderBy(c => c.ClosedAt).Select(c => c.Id).Take(options.BatchSize + skipped.Count).ToListAsync(ct);
        return ids.Where(i => !skipped.Contains(i)).Take(options.BatchSize).ToList();
    }

    /// <summary>Erases one due complaint; null when it was not (no longer due, or the engine refused).</summary>
    private async Task<string?> EraseAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null || complaint.LegalHold || complaint.PersonalDataErasedAt is not null) return null;
        if (complaint.ProcessInstanceId is { } instanceId)
        {
            try
            {
                await engine.ErasePersonalDataAsync(instanceId, EngineReason, Actor.System, ct);
            }
            catch (NotFoundException)
            {
                // The engine's history cleanup removed the instance already: nothing left to erase there.
            }
            catch (ConflictException e)
            {
                logger.LogWarning("Retention: {Reference} skipped: {Reason}", complaint.Reference, e.Message);
                return null;
            }
        }

        var now = time.GetUtcNow();
        var files = new List<string>();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var tracked = await db.Complaints.FirstAsync(c => c.Id == id, ct);
            // Re-checked inside the write transaction: a legal hold set meanwhile wins.
            if (tracked.LegalHold || tracked.PersonalDataErasedAt is not null) return null;
            var fields = Anonymise(tracked, now);
            files.AddRange(await db.Documents.AsNoTracking().Where(d => d.ComplaintId == id).Select(d => d.StoragePath).ToListAsync(ct));
            await db.Documents.Where(d => d.ComplaintId == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.FileName, PersonalData.Erased), ct);
            await db.SentLetters.Where(l => l.ComplaintId == id).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Subject, PersonalData.Erased).SetProperty(l => l.Html, "").SetProperty(l => l.PlainText, ""), ct);
            await db.OutboxMessages.Where(m => m.ComplaintId == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.To, PersonalData.Erased).SetProperty(m => m.Subject, PersonalData.Erased)
                .SetProperty(m => m.Html, "").SetProperty(m => m.PlainText, "").SetProperty(m => m.LastError, (string?)null), ct);
            await AuditErasure.EraseAsync(db, id, now, ct);
            db.AuditEntries.Add(new AuditEntry
            {
                ComplaintId = id, At = now, User = Actor.System.Id, Action = ErasedAction,
                Details = System.Text.Json.JsonSerializer.Serialize(new { fields, personalDataErasedAt = now }, AuditDiff.Json),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        foreach (var file in files) DeleteFile(file);
        var folder = Path.Combine(storage.DataDirectory, "documents", id.ToString("D"));
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        return complaint.Reference;
    }

    /// <summary>Blanks the complaint's personal fields; returns their names (the audit row lists them, never their values).</summary>
    private static List<string> Anonymise(Complaint c, DateTimeOffset now)
    {
        c.Complainant.Name = PersonalData.Erased;
        c.Complainant.Email = null;
        c.Complainant.PostalAddress = null;
        c.Complainant.Phone = null;
        c.Subject = PersonalData.Erased;
        c.Description = null;
        c.ContractReference = null;
        c.OtherParties = [];
        c.UsualContact = null;
        c.AnswerSummary = null;
        c.ClientReaction = null;
        if (c.Representative is not null) c.Representative = new Representative { Name = PersonalData.Erased, Capacity = c.Representative.Capacity };
        c.PersonalDataErasedAt = now;
        c.Revision++;
        return
        [
            "complainant.name", "complainant.email", "complainant.postalAddress", "complainant.phone", "subject", "description",
            "contractReference", "otherParties", "usualContact", "answerSummary", "clientReaction", "representative", "documents", "letters",
        ];
    }

    private void DeleteFile(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(storage.DataDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        try
        {
            File.Delete(full);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Retention: the file {Path} could not be deleted", full);
        }
    }
}
