using Reclamations.Engine.Api;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Letters;

/// <summary>The letters desk: letters waiting to be printed and posted (no e-mail address), mails that failed for good;
/// marking a letter posted (the date it left, which is also the register's acknowledgement or answer date for such a
/// letter) and sending a failed mail again, both audited in the case file.</summary>
public sealed class LetterDesk(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider time, FirmSettings firm,
    Register.ComplaintRegister? register = null)
{
    public sealed record PrintItem(SentLetter Letter, string Reference);

    public sealed record FailedMail(Guid Id, string Reference, Guid? ComplaintId, string To, string Subject, int Attempts, string? LastError);

    /// <summary>Letters kept for printing and not yet marked posted, oldest first.</summary>
    public async Task<IReadOnlyList<PrintItem>> ToPrintAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letters = await db.SentLetters.AsNoTracking()
            .Where(l => l.OutboxMessageId == null && l.SentAt == null)
            .OrderBy(l => l.CreatedAt).Take(500).ToListAsync(ct);
        var ids = letters.Select(l => l.ComplaintId).Distinct().ToList();
        var references = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        return letters.Select(l => new PrintItem(l, references.GetValueOrDefault(l.ComplaintId, ""))).ToList();
    }

    /// <summary>Mails the outbox gave up on, oldest first.</summary>
    public async Task<IReadOnlyList<FailedMail>> FailedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Failed).OrderBy(m => m.CreatedAt).Take(500)
            .Select(m => new FailedMail(m.Id, m.ComplaintReference, m.ComplaintId, m.To, m.Subject, m.Attempts, m.LastError)).ToListAsync(ct);
    }

    /// <summary>Records the day a printed letter was posted (it cannot be later than today, nor before the letter was written).</summary>
    public async Task MarkPostedAsync(Guid letterId, DateOnly postedOn, string user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letter = await db.SentLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId, ct)
                     ?? throw new DocumentNotFoundException($"Le courrier {letterId} n'existe pas.");
        var zone = ZonedTime.FindZone(firm.TimeZoneId, nameof(firm));
        var today = ZonedTime.LocalDate(time.GetUtcNow(), zone);
        var written = ZonedTime.LocalDate(letter.CreatedAt, zone);
        if (postedOn > today || postedOn < written)
            throw new Register.RegisterValidationException([new Register.FieldError("postedOn",
                $"La date d'envoi doit être comprise entre le {written:dd/MM/yyyy} et aujourd'hui.")]);
        if (letter.SentAt is not null) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A letter is kept as written (append-only): only its sending date is set, once, as the outbox does for a mail.
        var sentAt = ZonedTime.AtLocal(postedOn.ToDateTime(new TimeOnly(12, 0)), zone);
        await db.SentLetters.Where(l => l.Id == letterId && l.SentAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.SentAt, sentAt), ct);
        db.AuditEntries.Add(new AuditEntry
        {
            ComplaintId = letter.ComplaintId, At = time.GetUtcNow(), User = user, Action = $"Courrier posté : {letter.TemplateName}",
            Details = System.Text.Json.JsonSerializer.Serialize(new { letter = letter.Id, postedOn }),
        });
        await db.SaveChangesAsync(ct);
        if (register is not null) await LetterRegisterDates.RecordLeftAsync(db, register, letter, sentAt, user, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Puts a failed mail back in the outbox, due now.</summary>
    public async Task ResendAsync(Guid outboxId, string user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mail = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == outboxId && m.Status == OutboxStatus.Failed, ct)
                   ?? throw new DocumentNotFoundException($"Aucun envoi en échec {outboxId}.");
        mail.Status = OutboxStatus.Pending;
        mail.NextAttemptAt = time.GetUtcNow();
        if (mail.ComplaintId is { } complaintId)
            db.AuditEntries.Add(new AuditEntry
            {
                ComplaintId = complaintId, At = time.GetUtcNow(), User = user, Action = $"Courriel renvoyé : {mail.Subject}",
                Details = System.Text.Json.JsonSerializer.Serialize(new { outbox = mail.Id, to = mail.To }),
            });
        await db.SaveChangesAsync(ct);
    }
}
