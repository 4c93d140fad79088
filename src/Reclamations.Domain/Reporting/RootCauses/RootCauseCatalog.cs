using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Reporting.RootCauses;

/// <summary>The editable list of root causes (complaints officer, Admin), each edit recorded as a <see cref="RootCauseChange"/>;
/// the causes and the "systemic" flag given to a complaint (complaints officer, audited on the complaint); the links between
/// a cause and corrective actions.</summary>
public sealed class RootCauseCatalog(IDbContextFactory<DomainDbContext> dbFactory, ComplaintRegister register, TimeProvider timeProvider)
{
    public const string AssignedAction = "Analyse des causes";
    private const int MaxCode = 64;
    private const int MaxLabel = 200;
    private const int MaxText = 4000;
    private const int MaxCausesPerComplaint = 20;

    public async Task<IReadOnlyList<RootCause>> ListAsync(bool includeInactive = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.RootCauses.AsNoTracking();
        if (!includeInactive) query = query.Where(c => c.IsActive);
        return await query.OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RootCauseChange>> HistoryAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RootCauseChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(200).ToListAsync(ct);
    }

    /// <exception cref="RegisterValidationException">A field is missing or invalid, or the code is taken; nothing was stored.</exception>
    public async Task<RootCause> CreateAsync(RootCauseInput input, string user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new List<FieldError>();
        var code = input.Code?.Trim();
        if (string.IsNullOrEmpty(code)) errors.Add(new("code", "Le code de la cause est obligatoire."));
        else if (code.Length > MaxCode || !code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            errors.Add(new("code", $"Le code « {code} » doit compter au plus {MaxCode} lettres, chiffres, tirets ou soulignés, sans espace."));
        else if (await db.RootCauses.AnyAsync(c => c.Code == code, ct))
            errors.Add(new("code", $"La cause « {code} » existe déjà."));
        Check(input, errors, creating: true);
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        var cause = new RootCause
        {
            Code = code!, Label = input.Label!.Trim(), Description = Trimmed(input.Description),
            AffectedProcedures = Trimmed(input.AffectedProcedures), IsActive = input.IsActive ?? true,
            SortOrder = input.SortOrder ?? (await db.RootCauses.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 10,
        };
        db.RootCauses.Add(cause);
        Record(db, cause.Code, user, "Créée", AuditDiff.Changes([], Snapshot(cause)));
        await db.SaveChangesAsync(ct);
        return cause;
    }

    /// <summary>Changes the given fields (null: unchanged; an empty text clears it).</summary>
    /// <exception cref="ComplaintNotFoundException">No cause has that code.</exception>
    /// <exception cref="RegisterValidationException">A field is invalid; nothing was stored.</exception>
    public async Task<RootCause> UpdateAsync(string code, RootCauseInput input, string user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cause = await db.RootCauses.FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw NotFound(code);
        var errors = new List<FieldError>();
        if (input.Code is { } renamed && renamed.Trim() != code)
            errors.Add(new("code", "Le code d'une cause ne change pas (il est enregistré sur les réclamations)."));
        Check(input, errors, creating: false);
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        var before = Snapshot(cause);
        if (input.Label is not null) cause.Label = input.Label.Trim();
        if (input.Description is not null) cause.Description = Trimmed(input.Description);
        if (input.AffectedProcedures is not null) cause.AffectedProcedures = Trimmed(input.AffectedProcedures);
        if (input.SortOrder is { } order) cause.SortOrder = order;
        if (input.IsActive is { } active) cause.IsActive = active;
        var changes = AuditDiff.Changes(before, Snapshot(cause));
        if (changes.Count == 0) return cause;
        Record(db, code, user, input.IsActive == false && (bool?)before["isActive"] == true ? "Désactivée" : "Modifiée", changes);
        await db.SaveChangesAsync(ct);
        return cause;
    }

    /// <summary>Gives a complaint its root causes and the "systemic" flag (replacing the previous ones), audited on the
    /// complaint (old → new). An inactive cause already on the complaint may stay; a new one must be active.</summary>
    /// <exception cref="ComplaintNotFoundException">No complaint has that id.</exception>
    /// <exception cref="RegisterValidationException">A cause is unknown or inactive, or too many; nothing was stored.</exception>
    /// <exception cref="ComplaintConflictException">The complaint changed since <paramref name="expectedRevision"/>.</exception>
    public async Task<Complaint> AssignAsync(Guid complaintId, IReadOnlyCollection<string> codes, bool systemic, string user,
        long? expectedRevision = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var wanted = codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count > MaxCausesPerComplaint)
            throw new RegisterValidationException([new("rootCauses", $"Au plus {MaxCausesPerComplaint} causes par réclamation.")]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = await db.RootCauses.AsNoTracking().Where(c => wanted.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        var current = await db.Complaints.AsNoTracking().Where(c => c.Id == complaintId).Select(c => c.RootCauses).FirstOrDefaultAsync(ct)
            ?? throw new ComplaintNotFoundException($"La réclamation {complaintId} n'existe pas.");
        var errors = new List<FieldError>();
        foreach (var code in wanted)
        {
            if (!known.TryGetValue(code, out var cause)) errors.Add(new("rootCauses", $"La cause « {code} » n'existe pas."));
            else if (!cause.IsActive && !current.Contains(code)) errors.Add(new("rootCauses", $"La cause « {cause.Label} » est désactivée."));
        }

        if (errors.Count > 0) throw new RegisterValidationException(errors);
        return await register.UpdateAsync(db, complaintId, user, AssignedAction, c =>
        {
            c.RootCauses = wanted;
            c.Systemic = systemic;
        }, expectedRevision, ct);
    }

    /// <summary>Links a corrective action to a cause (recorded in the list's history).</summary>
    /// <exception cref="ComplaintNotFoundException">No such cause or action.</exception>
    public async Task LinkActionAsync(string code, Guid actionId, string user, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.RootCauses.AnyAsync(c => c.Code == code, ct)) throw NotFound(code);
        if (!await db.CorrectiveActions.AnyAsync(a => a.Id == actionId, ct))
            throw new ComplaintNotFoundException($"L'action corrective {actionId} n'existe pas.");
        if (await db.RootCauseActions.AnyAsync(l => l.RootCauseCode == code && l.CorrectiveActionId == actionId, ct)) return;
        db.RootCauseActions.Add(new RootCauseAction { RootCauseCode = code, CorrectiveActionId = actionId, LinkedAt = timeProvider.GetUtcNow(), LinkedBy = user });
        Record(db, code, user, "Action corrective liée", new JsonObject { ["correctiveAction"] = new JsonObject { ["old"] = null, ["new"] = actionId.ToString() } });
        await db.SaveChangesAsync(ct);
    }

    /// <exception cref="ComplaintNotFoundException">The action is not linked to the cause.</exception>
    public async Task UnlinkActionAsync(string code, Guid actionId, string user, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.RootCauseActions.FirstOrDefaultAsync(l => l.RootCauseCode == code && l.CorrectiveActionId == actionId, ct)
            ?? throw new ComplaintNotFoundException($"L'action corrective {actionId} n'est pas liée à la cause « {code} ».");
        db.RootCauseActions.Remove(link);
        Record(db, code, user, "Action corrective déliée", new JsonObject { ["correctiveAction"] = new JsonObject { ["old"] = actionId.ToString(), ["new"] = null } });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The corrective actions linked to each cause.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CorrectiveAction>>> ActionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from l in db.RootCauseActions.AsNoTracking()
                          join a in db.CorrectiveActions.AsNoTracking() on l.CorrectiveActionId equals a.Id
                          select new { l.RootCauseCode, Action = a }).ToListAsync(ct);
        return rows.GroupBy(r => r.RootCauseCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CorrectiveAction>)g.Select(r => r.Action).OrderBy(a => a.CreatedAt).ToList(), StringComparer.Ordinal);
    }

    private static void Check(RootCauseInput input, List<FieldError> errors, bool creating)
    {
        if (creating || input.Label is not null)
        {
            if (string.IsNullOrWhiteSpace(input.Label)) errors.Add(new("label", "Le libellé de la cause est obligatoire."));
            else if (input.Label.Trim().Length > MaxLabel) errors.Add(new("label", $"Le libellé ne doit pas dépasser {MaxLabel} caractères."));
        }

        if (input.Description?.Length > MaxText) errors.Add(new("description", $"La description ne doit pas dépasser {MaxText} caractères."));
        if (input.AffectedProcedures?.Length > MaxText)
            errors.Add(new("affectedProcedures", $"Les procédures concernées ne doivent pas dépasser {MaxText} caractères."));
    }

    private void Record(DomainDbContext db, string code, string user, string action, JsonObject changes) =>
        db.RootCauseChanges.Add(new RootCauseChange
        {
            Code = code, At = timeProvider.GetUtcNow(), User = user, Action = action, Details = changes.ToJsonString(AuditDiff.Json),
        });

    private static JsonObject Snapshot(RootCause c) => new()
    {
        ["label"] = c.Label, ["description"] = c.Description, ["affectedProcedures"] = c.AffectedProcedures, ["sortOrder"] = c.SortOrder,
        ["isActive"] = c.IsActive,
    };

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ComplaintNotFoundException NotFound(string code) => new($"La cause « {code} » n'existe pas.");
}
