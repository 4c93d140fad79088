using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Register;

public sealed partial class ComplaintRegister
{
    private const string SystemUser = "système";

    /// <summary>
    /// Applies <paramref name="change"/> to the complaint, audits the changed fields (old → new) under
    /// <paramref name="action"/> and bumps the revision.
    /// </summary>
    /// <param name="expectedRevision">When given, the revision the caller last read (e.g. an If-Match header).</param>
    /// <exception cref="ComplaintNotFoundException">No complaint has that id.</exception>
    /// <exception cref="ComplaintConflictException">Someone else changed the complaint meanwhile; nothing was stored.</exception>
    /// <exception cref="RegisterValidationException">The change leaves the complaint invalid; nothing was stored.</exception>
    public async Task<Complaint> UpdateAsync(
        Guid id, string user, string action, Action<Complaint> change, long? expectedRevision = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await UpdateAsync(db, id, user, action, change, expectedRevision, cancellationToken);
    }

    /// <summary>
    /// The same on a caller's context, e.g. <see cref="DomainDb.On"/> in a service-task handler: the
    /// change is saved in that context's transaction and commits with it.
    /// </summary>
    public Task<Complaint> UpdateAsync(
        DomainDbContext db, Guid id, string user, string action, Action<Complaint> change, long? expectedRevision = null,
        CancellationToken cancellationToken = default) =>
        UpdateAsync(db, id, user, action, change, null, expectedRevision, cancellationToken);

    /// <summary>The same, the audit row readable by <paramref name="readerGroups"/> only (e.g. a litigation step's details;
    /// null or empty: whoever reads the case file).</summary>
    public async Task<Complaint> UpdateAsync(
        DomainDbContext db, Guid id, string user, string action, Action<Complaint> change, IReadOnlyCollection<string>? readerGroups,
        long? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(change);
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFound(id);
        if (expectedRevision is { } expected && expected != complaint.Revision)
        {
            throw Conflict(complaint, null);
        }

        var before = AuditDiff.Snapshot(complaint);
        change(complaint);
        await CheckAsync(db, complaint, before, cancellationToken);
        var changes = AuditDiff.Changes(before, AuditDiff.Snapshot(complaint), "revision");
        complaint.Revision++;
        db.AuditEntries.Add(new AuditEntry
        {
            ComplaintId = complaint.Id,
            At = _timeProvider.GetUtcNow(),
            User = user,
            Action = action,
            Details = changes.ToJsonString(AuditDiff.Json),
            ReaderGroups = AuditEntry.GroupsOf(readerGroups),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw Conflict(complaint, ex);
        }

        return complaint;
    }

    /// <summary>Links the complaint to the process instance that handles it.</summary>
    public Task<Complaint> AttachProcessAsync(Guid id, Guid processInstanceId, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, SystemUser, AuditActions.ProcessAttached, c => c.ProcessInstanceId = processInstanceId,
            cancellationToken: cancellationToken);

    /// <summary>Adds an open corrective action to the complaint (audited).</summary>
    public async Task<CorrectiveAction> AddCorrectiveActionAsync(
        Guid complaintId, string user, string description, string? owner = null, DateOnly? dueDate = null,
        CancellationToken cancellationToken = default, CorrectiveActionType type = CorrectiveActionType.Procedure)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await AddCorrectiveActionAsync(db, complaintId, user, description, owner, dueDate, cancellationToken, type);
    }

    /// <summary>The same on a caller's context (e.g. the engine step's transaction through <see cref="DomainDb.On(System.Data.Common.DbConnection, System.Data.Common.DbTransaction)"/>).</summary>
    public async Task<CorrectiveAction> AddCorrectiveActionAsync(
        DomainDbContext db, Guid complaintId, string user, string description, string? owner = null, DateOnly? dueDate = null,
        CancellationToken cancellationToken = default, CorrectiveActionType type = CorrectiveActionType.Procedure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (!Enum.IsDefined(type))
        {
            throw new RegisterValidationException([new("type", "Type d'action corrective inconnu.")]);
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            throw new RegisterValidationException([new("description", "La description de l'action corrective est obligatoire.")]);
        }

        if (!await db.Complaints.AnyAsync(c => c.Id == complaintId, cancellationToken)) throw NotFound(complaintId);
        var action = new CorrectiveAction
        {
            Id = Guid.NewGuid(),
            ComplaintId = complaintId,
            Type = type,
            Description = description.Trim(),
            Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(),
            DueDate = dueDate,
            Status = CorrectiveActionStatus.Open,
            CreatedAt = _timeProvider.GetUtcNow(),
            CreatedBy = user,
        };
        db.CorrectiveActions.Add(action);
        db.AuditEntries.Add(new AuditEntry
        {
            ComplaintId = complaintId,
            At = _timeProvider.GetUtcNow(),
            User = user,
            Action = AuditActions.CorrectiveActionAdded,
            Details = AuditDiff.Changes([], AuditDiff.Snapshot(action), "id", "complaintId").ToJsonString(AuditDiff.Json),
        });
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    /// <summary>Changes a corrective action's status (audited with old → new).</summary>
    public async Task<CorrectiveAction> SetCorrectiveActionStatusAsync(
        Guid actionId, CorrectiveActionStatus status, string user, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (!Enum.IsDefined(status))
        {
            throw new RegisterValidationException([new("status", "Statut d'action corrective inconnu.")]);
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await SetCorrectiveActionStatusAsync(db, actionId, status, user, cancellationToken: cancellationToken);
    }

    /// <summary>The same on a caller's context; <paramref name="complaintId"/>, when given, must be the action's complaint.
    /// <paramref name="newDueDate"/> postpones an action that stays open.</summary>
    public async Task<CorrectiveAction> SetCorrectiveActionStatusAsync(
        DomainDbContext db, Guid actionId, CorrectiveActionStatus status, string user, Guid? complaintId = null,
        DateOnly? newDueDate = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (!Enum.IsDefined(status))
        {
            throw new RegisterValidationException([new("status", "Statut d'action corrective inconnu.")]);
        }

        var action = await db.CorrectiveActions.FirstOrDefaultAsync(
                a => a.Id == actionId && (complaintId == null || a.ComplaintId == complaintId), cancellationToken)
            ?? throw new ComplaintNotFoundException($"L'action corrective {actionId} n'existe pas.");
        var (oldStatus, oldDue) = (action.Status, action.DueDate);
        action.Status = status;
        action.ClosedAt = status == CorrectiveActionStatus.Open ? null : _timeProvider.GetUtcNow();
        if (newDueDate is { } due && status == CorrectiveActionStatus.Open) action.DueDate = due;
        var changes = new System.Text.Json.Nodes.JsonObject();
        if (oldStatus != status) changes[$"correctiveActions.{action.Id}.status"] = AuditDiff.Change(oldStatus, status);
        if (oldDue != action.DueDate) changes[$"correctiveActions.{action.Id}.dueDate"] = AuditDiff.Change(oldDue, action.DueDate);
        db.AuditEntries.Add(new AuditEntry
        {
            ComplaintId = action.ComplaintId,
            At = _timeProvider.GetUtcNow(),
            User = user,
            Action = AuditActions.CorrectiveActionUpdated,
            Details = changes.ToJsonString(AuditDiff.Json),
        });
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    private static async Task CheckAsync(DomainDbContext db, Complaint complaint, JsonObject before, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(complaint.Complainant?.Name))
        {
            errors.Add(new("complainant.name", "Le nom du réclamant est obligatoire."));
        }

        if (string.IsNullOrWhiteSpace(complaint.Subject)) errors.Add(new("subject", "L'objet de la réclamation est obligatoire."));
        if ((string?)before["category"] != complaint.Category
            && !await db.Categories.AnyAsync(c => c.Code == complaint.Category, ct))
        {
            errors.Add(new("category", $"La catégorie « {complaint.Category} » n'existe pas."));
        }

        if (errors.Count > 0) throw new RegisterValidationException(errors);
    }

    private static ComplaintConflictException Conflict(Complaint complaint, Exception? inner) =>
        new($"La réclamation {complaint.Reference} a été modifiée par ailleurs entre-temps : rechargez-la et recommencez.", inner);
}
