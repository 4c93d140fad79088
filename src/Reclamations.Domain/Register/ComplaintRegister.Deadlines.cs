using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Profiles;
using Reclamations.Engine.Api;

namespace Reclamations.Domain.Register;

public sealed partial class ComplaintRegister
{
    /// <summary>The longest reason a date correction may give (it is kept in the audit trail).</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>A context of the register's own database, for a caller that runs several register steps in one unit.</summary>
    public Task<DomainDbContext> OpenAsync(CancellationToken cancellationToken = default) => _dbFactory.CreateDbContextAsync(cancellationToken);

    /// <summary>The profile as it was when the complaint's deadlines were computed (the version it records).</summary>
    /// <exception cref="ComplaintNotFoundException">No complaint has that id.</exception>
    public async Task<DeadlineProfile> ProfileOfAsync(DomainDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var recorded = await db.Complaints.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.ProfileCode, c.ProfileVersion }).FirstOrDefaultAsync(cancellationToken) ?? throw NotFound(id);
        return await DeadlineProfileStore.GetVersionAsync(db, recorded.ProfileCode, recorded.ProfileVersion, cancellationToken);
    }

    /// <summary>Corrects the facts the deadlines come from (receipt, sending, an oral complaint's written confirmation) and
    /// computes the deadlines again with the profile version the complaint records, audited with the reason; the caller
    /// moves the process's timers in the same transaction (<c>ProcessEngine.ReviseDatesAsync</c>).</summary>
    /// <exception cref="RegisterValidationException">A date is invalid or no reason is given; nothing was stored.</exception>
    public async Task<(Complaint Complaint, TimeZoneInfo Zone)> ReviseDatesAsync(DomainDbContext db, Guid id, DateCorrection correction,
        string user, long? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var profile = await ProfileOfAsync(db, id, cancellationToken);
        var zone = ZonedTime.FindZone(profile.TimeZoneId, nameof(profile));
        var today = LocalDate(_timeProvider.GetUtcNow(), zone);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(correction.Reason))
            errors.Add(new FieldError("reason", "Une correction des dates doit être motivée."));
        else if (correction.Reason.Length > MaxReasonLength)
            errors.Add(new FieldError("reason", $"Le motif dépasse {MaxReasonLength} caractères."));
        if (correction.ReceivedAt is { } received && received > _timeProvider.GetUtcNow())
            errors.Add(new FieldError("receivedAt", "La date de réception ne peut pas être dans le futur."));
        if (correction.WrittenConfirmationSentAt > today)
            errors.Add(new FieldError("writtenConfirmationSentAt", "La date d'envoi de la confirmation écrite ne peut pas être dans le futur."));
        if (errors.Count > 0) throw new RegisterValidationException(errors);

        var complaint = await UpdateAsync(db, id, user, $"Correction des dates, échéances recalculées (motif : {correction.Reason!.Trim()})", c =>
        {
            if (correction.ReceivedAt is { } at) c.ReceivedAt = at;
            if (correction.SentAt is { } sent) c.SentAt = sent;
            if (correction.WrittenConfirmationSentAt is { } confirmed)
            {
                if (!c.IsOral)
                    throw new RegisterValidationException([new FieldError("writtenConfirmationSentAt",
                        "Seule une réclamation orale a une confirmation écrite.")]);
                if (confirmed < LocalDate(c.ReceivedAt, zone))
                    throw new RegisterValidationException([new FieldError("writtenConfirmationSentAt",
                        "La confirmation écrite ne peut pas précéder la réclamation orale.")]);
                c.WrittenConfirmationSentAt = confirmed;
            }
            ComplaintDeadlines deadlines;
            try
            {
                deadlines = DeadlineCalculator.Compute(profile, LocalDate(c.ReceivedAt, zone), c.SentAt, c.IsOral, c.WrittenConfirmationSentAt);
            }
            catch (ArgumentException)
            {
                throw new RegisterValidationException([new FieldError("sentAt", "La date d'envoi ne peut pas suivre la date de réception.")]);
            }
            var delayedBy = c.ExternalRecourseFrom.DayNumber - CurrentRecourseBase(c, profile, zone);
            ApplyDeadlines(c, deadlines);
            // A delay letter already sent keeps postponing the external recourse date by as much (LU-CAA).
            if (delayedBy > 0) c.ExternalRecourseFrom = c.ExternalRecourseFrom.AddDays(delayedBy);
        }, expectedRevision, cancellationToken);
        return (complaint, zone);
    }

    /// <summary>The external recourse date the complaint's facts give before any delay letter.</summary>
    private static int CurrentRecourseBase(Complaint c, DeadlineProfile profile, TimeZoneInfo zone)
    {
        // Computed from the stored clock start, i.e. before the correction is applied.
        var calendar = new Calendars.WorkingDayCalendar(profile.CalendarKind, profile.HolidayRegion);
        return profile.ExternalRecourseFrom.AddTo(c.ClockStart, calendar).DayNumber;
    }
}

/// <summary>A correction of the dates a complaint's deadlines come from; null leaves a date as it is.</summary>
public sealed record DateCorrection(DateTimeOffset? ReceivedAt, DateOnly? SentAt, DateOnly? WrittenConfirmationSentAt, string? Reason);
