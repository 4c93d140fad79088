using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Register;

/// <summary>The editable list of complaint categories (Admin): each mapped to one of the seven CAA types, every edit
/// recorded as a <see cref="CategoryChange"/>; a category in use is deactivated, never deleted.</summary>
public sealed class CategoryCatalog(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider timeProvider)
{
    private const int MaxCode = 64;
    private const int MaxLabel = 200;

    public async Task<IReadOnlyList<Category>> ListAsync(bool includeInactive = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Categories.AsNoTracking();
        if (!includeInactive) query = query.Where(c => c.IsActive);
        return await query.OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
    }

    /// <summary>How many complaints use each category (those in use cannot be deleted).</summary>
    public async Task<IReadOnlyDictionary<string, int>> UsageAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Complaints.GroupBy(c => c.Category).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public async Task<IReadOnlyList<CategoryChange>> HistoryAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CategoryChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(200).ToListAsync(ct);
    }

    /// <exception cref="RegisterValidationException">A field is missing or invalid, or the code is taken; nothing was stored.</exception>
    public async Task<Category> CreateAsync(CategoryInput input, string user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new List<FieldError>();
        var code = input.Code?.Trim();
        if (string.IsNullOrEmpty(code)) errors.Add(new("code", "Le code de la catégorie est obligatoire."));
        else if (code.Length > MaxCode || !code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            errors.Add(new("code", $"Le code « {code} » doit compter au plus {MaxCode} lettres, chiffres, tirets ou soulignés, sans espace."));
        else if (await db.Categories.AnyAsync(c => c.Code == code, ct))
            errors.Add(new("code", $"La catégorie « {code} » existe déjà."));
        Check(input, errors, creating: true);
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        var category = new Category
        {
            Code = code!, Label = input.Label!.Trim(), CaaType = input.CaaType!, IsActive = input.IsActive ?? true,
            SortOrder = input.SortOrder ?? (await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 10,
        };
        db.Categories.Add(category);
        Record(db, category.Code, user, "Créée", AuditDiff.Changes([], Snapshot(category)));
        await db.SaveChangesAsync(ct);
        return category;
    }

    /// <summary>Changes the given fields (null: unchanged). Deactivating keeps the category on its complaints.</summary>
    /// <exception cref="ComplaintNotFoundException">No category has that code.</exception>
    /// <exception cref="RegisterValidationException">A field is invalid; nothing was stored.</exception>
    public async Task<Category> UpdateAsync(string code, CategoryInput input, string user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw NotFound(code);
        var errors = new List<FieldError>();
        if (input.Code is { } renamed && renamed.Trim() != code)
            errors.Add(new("code", "Le code d'une catégorie ne change pas (il est enregistré sur les réclamations)."));
        Check(input, errors, creating: false);
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        var before = Snapshot(category);
        if (input.Label is not null) category.Label = input.Label.Trim();
        if (input.CaaType is not null) category.CaaType = input.CaaType;
        if (input.SortOrder is { } order) category.SortOrder = order;
        if (input.IsActive is { } active) category.IsActive = active;
        var changes = AuditDiff.Changes(before, Snapshot(category));
        if (changes.Count == 0) return category;
        Record(db, code, user, input.IsActive == false && (bool?)before["isActive"] == true ? "Désactivée" : "Modifiée", changes);
        await db.SaveChangesAsync(ct);
        return category;
    }

    /// <exception cref="ComplaintNotFoundException">No category has that code.</exception>
    /// <exception cref="CategoryInUseException">Complaints use it: deactivate it instead; nothing changed.</exception>
    public async Task DeleteAsync(string code, string user, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Code == code, ct) ?? throw NotFound(code);
        var used = await db.Complaints.CountAsync(c => c.Category == code, ct);
        if (used > 0)
            throw new CategoryInUseException(
                $"La catégorie « {code} » est utilisée par {used} réclamation(s) : elle ne peut pas être supprimée, désactivez-la.");
        db.Categories.Remove(category);
        Record(db, code, user, "Supprimée", AuditDiff.Changes(Snapshot(category), []));
        await db.SaveChangesAsync(ct);
    }

    private static void Check(CategoryInput input, List<FieldError> errors, bool creating)
    {
        if (creating || input.Label is not null)
        {
            if (string.IsNullOrWhiteSpace(input.Label)) errors.Add(new("label", "Le libellé de la catégorie est obligatoire."));
            else if (input.Label.Trim().Length > MaxLabel) errors.Add(new("label", $"Le libellé ne doit pas dépasser {MaxLabel} caractères."));
        }
        if ((creating || input.CaaType is not null) && !CaaComplaintTypes.IsKnown(input.CaaType))
            errors.Add(new("caaType", string.IsNullOrWhiteSpace(input.CaaType)
                ? $"Le type de réclamation du reporting CAA est obligatoire ({string.Join(", ", CaaComplaintTypes.Labels.Keys)})."
                : $"Type de réclamation CAA inconnu : « {input.CaaType} » (attendu : {string.Join(", ", CaaComplaintTypes.Labels.Keys)})."));
    }

    private void Record(DomainDbContext db, string code, string user, string action, JsonObject changes) =>
        db.CategoryChanges.Add(new CategoryChange
        {
            Code = code, At = timeProvider.GetUtcNow(), User = user, Action = action, Details = changes.ToJsonString(AuditDiff.Json),
        });

    private static JsonObject Snapshot(Category c) => new()
    {
        ["label"] = c.Label, ["caaType"] = c.CaaType, ["sortOrder"] = c.SortOrder, ["isActive"] = c.IsActive,
    };

    private static ComplaintNotFoundException NotFound(string code) => new($"La catégorie « {code} » n'existe pas.");
}
