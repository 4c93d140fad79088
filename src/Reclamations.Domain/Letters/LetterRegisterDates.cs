using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Letters;

/// <summary>The register's acknowledgement and answer dates are the date the letter left (seed 001: « la date à laquelle
/// vous avez accusé réception »): the SMTP server's acceptance of a mail, the posting date of a printed letter. This is
/// the one place that maps letters to those dates; the outbox and the letters desk call it when a letter leaves.</summary>
public static class LetterRegisterDates
{
    /// <summary>Letters that acknowledge the complaint (an immediate answer acknowledges it too).</summary>
    public static IReadOnlySet<string> Acknowledging { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "accuse-reception", "reponse-immediate" };

    /// <summary>Letters that answer the complaint at the first level.</summary>
    public static IReadOnlySet<string> Answering { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "reponse-immediate", "reponse-defavorable", "offre-reglement", "issue-contentieux" };

    /// <summary>The user the audit trail names for the outbox.</summary>
    public const string OutboxUser = "messagerie";

    /// <summary>Records in the register (audited) that <paramref name="letter"/> left at <paramref name="leftAt"/>, when it is
    /// an acknowledgement or an answer whose date is not recorded yet. Saves on <paramref name="db"/> (the caller's transaction).</summary>
    public static async Task RecordLeftAsync(DomainDbContext db, ComplaintRegister register, SentLetter letter, DateTimeOffset leftAt,
        string user, CancellationToken ct = default)
    {
        var acknowledges = Acknowledging.Contains(letter.TemplateName);
        var answers = Answering.Contains(letter.TemplateName);
        if (!acknowledges && !answers) return;
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == letter.ComplaintId, ct);
        if (complaint is null || (!acknowledges || complaint.AcknowledgedAt is not null) && (!answers || complaint.AnsweredAt is not null)) return;
        var label = acknowledges && answers ? "Accusé de réception et réponse partis" : acknowledges ? "Accusé de réception parti" : "Réponse partie";
        await register.UpdateAsync(db, letter.ComplaintId, user, $"{label} : {letter.TemplateName}", c =>
        {
            if (acknowledges) c.AcknowledgedAt ??= leftAt;
            if (answers) c.AnsweredAt ??= leftAt;
        }, cancellationToken: ct);
    }
}
