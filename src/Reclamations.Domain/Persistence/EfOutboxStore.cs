using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Persistence;

/// <summary>The outbox in the domain database. Marking a mail sent also stamps the letter it carries and, for an
/// acknowledgement or an answer, records that time (the SMTP server's acceptance) in the register
/// (<see cref="LetterRegisterDates"/>), in the same transaction.</summary>
public sealed class EfOutboxStore(IDbContextFactory<DomainDbContext> dbFactory, ComplaintRegister? register = null) : IOutboxStore
{
    public async Task<IReadOnlyList<OutboxMessage>> GetDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.CreatedAt)
            .Take(max)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToMessage()).ToList();
    }

    public async Task MarkSentAsync(Guid id, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        EnsureFound(updated, id);
        var letters = await db.SentLetters.AsNoTracking().Where(l => l.OutboxMessageId == id && l.SentAt == null).ToListAsync(cancellationToken);
        await db.SentLetters.Where(l => l.OutboxMessageId == id && l.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.SentAt, sentAt), cancellationToken);
        if (register is not null)
            foreach (var letter in letters)
                await LetterRegisterDates.RecordLeftAsync(db, register, letter, sentAt, LetterRegisterDates.OutboxUser, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(Guid id, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        EnsureFound(row is null ? 0 : 1, id);
        row!.Attempts++;
        row.LastError = error;
        if (nextAttemptAt is { } next)
        {
            row.Status = OutboxStatus.Pending;
            row.NextAttemptAt = next;
        }
        else
        {
            row.Status = OutboxStatus.Failed;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void EnsureFound(int rows, Guid id)
    {
        if (rows == 0) throw new InvalidOperationException($"Outbox item {id} does not exist.");
    }
}
