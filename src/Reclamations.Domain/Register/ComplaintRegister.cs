using Reclamations.Engine.Api;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Profiles;

namespace Reclamations.Domain.Register;

/// <summary>The complaints register: registration with deadlines, queries, audited updates, corrective actions.</summary>
public sealed partial class ComplaintRegister
{
    private readonly IDbContextFactory<DomainDbContext> _dbFactory;
    private readonly TimeProvider _timeProvider;
    private readonly TimeZoneInfo _firmZone;

    public ComplaintRegister(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider timeProvider, RegisterOptions? options = null)
    {
        _dbFactory = dbFactory;
        _timeProvider = timeProvider;
        _firmZone = ZonedTime.FindZone((options ?? new RegisterOptions()).TimeZoneId, nameof(options));
    }

    /// <summary>The firm's time zone: where a day of the register begins and ends.</summary>
    public TimeZoneInfo FirmZone => _firmZone;

    /// <summary>Validates and stores a new complaint with its reference and deadlines; audits "Enregistrement".</summary>
    /// <exception cref="RegisterValidationException">A field is invalid; nothing was stored.</exception>
    public async Task<Complaint> RegisterAsync(NewComplaint input, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var complaint = await RegisterAsync(db, input, user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return complaint;
    }

    /// <summary>The same on a caller's context and transaction (e.g. <see cref="Persistence.DomainDb.On(System.Data.Common.DbConnection, System.Data.Common.DbTransaction)"/>
    /// on the engine's, so that the complaint and the start of its workflow commit together).</summary>
    /// <exception cref="RegisterValidationException">A field is invalid; nothing was stored.</exception>
    public async Task<Complaint> RegisterAsync(DomainDbContext db, NewComplaint input, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var stored = string.IsNullOrWhiteSpace(input.Profile) ? null : await DeadlineProfileStore.FindVersionAsync(db, input.Profile, cancellationToken);
        var profile = stored?.Profile;
        var categoryExists = !string.IsNullOrWhiteSpace(input.Category)
            && await db.Categories.AnyAsync(c => c.Code == input.Category && c.IsActive, cancellationToken);
        var now = _timeProvider.GetUtcNow();
        var zone = profile is null ? _firmZone : ZonedTime.FindZone(profile.TimeZoneId, nameof(input.Profile));
        DateOnly? receivedDate = input.ReceivedAt is { } at ? LocalDate(at, zone) : null;
        var errors = ComplaintValidator.Validate(input, profile, categoryExists, now, receivedDate, LocalDate(now, zone));
        if (errors.Count > 0) throw new RegisterValidationException(errors);

        var deadlines = DeadlineCalculator.Compute(profile!, receivedDate!.Value, input.SentAt, input.IsOral);
        var complaint = NewEntity(input, profile!, now);
        complaint.ProfileVersion = stored!.Value.Version;
        ApplyDeadlines(complaint, deadlines);
        var year = LocalDate(now, _firmZone).Year;
        complaint.Reference = ReferenceNumbers.Format(year, await ReferenceNumbers.NextAsync(db, year, cancellationToken));
        db.Complaints.Add(complaint);
        db.AuditEntries.Add(new AuditEntry
        {
            ComplaintId = complaint.Id,
            At = now,
            User = user,
            Action = AuditActions.Registered,
            Details = AuditDiff.Changes([], AuditDiff.Snapshot(complaint), "id", "revision", "createdAt").ToJsonString(AuditDiff.Json),
        });
        await db.SaveChangesAsync(cancellationToken);
        return complaint;
    }

    /// <exception cref="ComplaintNotFoundException">No complaint has that id.</exception>
    public async Task<ComplaintCaseFile> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw NotFound(id);
        return await CaseFileAsync(db, complaint, cancellationToken);
    }

    /// <exception cref="ComplaintNotFoundException">No complaint has that reference.</exception>
    public async Task<ComplaintCaseFile> GetByReferenceAsync(string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == reference, cancellationToken)
            ?? throw new ComplaintNotFoundException($"La réclamation « {reference} » n'existe pas.");
        return await CaseFileAsync(db, complaint, cancellationToken);
    }

    /// <summary>The complaints matching the filter, by reference.</summary>
    public async Task<IReadOnlyList<Complaint>> ListAsync(ComplaintFilter? filter = null, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter ?? new ComplaintFilter());
        return await query.OrderBy(c => c.Reference).ToListAsync(cancellationToken);
    }

    private static async Task<ComplaintCaseFile> CaseFileAsync(DomainDbContext db, Complaint complaint, CancellationToken ct)
    {
        var id = complaint.Id;
        var documents = await db.Documents.AsNoTracking().Where(d => d.ComplaintId == id).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        var letters = await db.SentLetters.AsNoTracking().Where(l => l.ComplaintId == id).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        var actions = await db.CorrectiveActions.AsNoTracking().Where(a => a.ComplaintId == id).ToListAsync(ct);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.ComplaintId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return new ComplaintCaseFile(complaint, documents, letters, actions, audit);
    }

    /// <summary>Stores computed deadlines on the complaint (at registration, and when the facts they come from are corrected).</summary>
    internal static void ApplyDeadlines(Complaint complaint, ComplaintDeadlines deadlines)
    {
        complaint.ClockStart = deadlines.ClockStart;
        complaint.AcknowledgementDueDate = deadlines.AcknowledgementDueDate;
        complaint.AcknowledgementReminderDate = deadlines.AcknowledgementReminderDate;
        complaint.ResponseDueDate = deadlines.ResponseDueDate;
        complaint.ResponseReminderDate = deadlines.ResponseReminderDate;
        complaint.ExternalRecourseFrom = deadlines.ExternalRecourseFrom;
        complaint.ExternalRecourseUntil = deadlines.ExternalRecourseUntil;
        complaint.SecondLevelDueDate = deadlines.SecondLevelDueDate;
        complaint.SecondLevelReminderDate = deadlines.SecondLevelReminderDate;
    }

    private static Complaint NewEntity(NewComplaint input, DeadlineProfile profile, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Complainant = new Complainant
        {
            Name = input.Complainant!.Name!.Trim(),
            Kind = input.Complainant.Kind!.Value,
            Email = Trimmed(input.Complainant.Email),
            PostalAddress = Trimmed(input.Complainant.PostalAddress),
            Phone = Trimmed(input.Complainant.Phone),
        },
        SentAt = input.SentAt,
        ReceivedAt = input.ReceivedAt!.Value,
        Channel = input.Channel!.Value,
        IsOral = input.IsOral,
        Subject = input.Subject!.Trim(),
        Description = Trimmed(input.Description),
        Category = input.Category!,
        ContractReference = Trimmed(input.ContractReference),
        ProductOrService = Trimmed(input.ProductOrService),
        Insurer = Trimmed(input.Insurer),
        PersonsInvolved = input.PersonsInvolved?.Select(p => p.Trim()).ToList() ?? [],
        OtherParties = input.OtherParties?.Select(p => p.Trim()).ToList() ?? [],
        UsualContact = Trimmed(input.UsualContact),
        Handler = Trimmed(input.Handler),
        Reviewer = Trimmed(input.Reviewer),
        Representative = input.Representative is { } r ? new Representative
        {
            Name = r.Name!.Trim(), Capacity = r.Capacity!.Value, Email = Trimmed(r.Email), PostalAddress = Trimmed(r.PostalAddress),
            Phone = Trimmed(r.Phone),
        } : null,
        ReceivedThrough = input.ReceivedThrough,
        ReceivedThroughReference = Trimmed(input.ReceivedThroughReference),
        ProfileCode = profile.Code,
        Level = ComplaintLevel.First,
        Status = ComplaintStatus.Registered,
        CreatedAt = now,
        Revision = 1,
    };

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(ZonedTime.InZone(instant, zone).DateTime);

    private static ComplaintNotFoundException NotFound(Guid id) => new($"La réclamation {id} n'existe pas.");
}
