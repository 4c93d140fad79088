using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Studio;

/// <summary>One line of the drafts' list (without the XML).</summary>
public sealed record ProcessDraftSummary(Guid Id, string ProcessKey, int? BasedOnVersion, string? Comment, string CreatedBy,
    DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt, int Length);

/// <summary>What a save sends: the diagram, the process it is about, the version it came from, a note.</summary>
public sealed record ProcessDraftInput(string? ProcessKey, string? Xml, int? BasedOnVersion, string? Comment);

/// <summary>The studio's drafts: diagrams saved while editing (not validated: a draft may be invalid), several per user.
/// Anyone of the studio reads them; only the author, or an administrator (<paramref name="mayManageAll"/>), changes or
/// deletes one.</summary>
public sealed partial class ProcessDraftStore(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider timeProvider)
{
    public const int MaxKeyLength = 255;
    public const int MaxCommentLength = 2000;

    public async Task<IReadOnlyList<ProcessDraftSummary>> ListAsync(string? processKey = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ProcessDrafts.AsNoTracking();
        if (processKey is not null) query = query.Where(d => d.ProcessKey == processKey);
        var rows = await query.Select(d => new ProcessDraftSummary(d.Id, d.ProcessKey, d.BasedOnVersion, d.Comment, d.CreatedBy,
            d.CreatedAt, d.UpdatedBy, d.UpdatedAt, d.Xml.Length)).ToListAsync(ct);
        return rows.OrderByDescending(d => d.UpdatedAt).ToList();
    }

    /// <exception cref="ProcessDraftNotFoundException"/>
    public async Task<ProcessDraft> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProcessDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new ProcessDraftNotFoundException(id);
    }

    /// <exception cref="ProcessDraftValidationException">A field is missing or too long; nothing was stored.</exception>
    public async Task<ProcessDraft> CreateAsync(ProcessDraftInput input, string user, int maxXmlLength, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var (key, xml, comment) = Check(input, maxXmlLength);
        var now = timeProvider.GetUtcNow();
        var draft = new ProcessDraft
        {
            Id = Guid.CreateVersion7(now), ProcessKey = key, Xml = xml, BasedOnVersion = input.BasedOnVersion, Comment = comment,
            CreatedBy = user, CreatedAt = now, UpdatedBy = user, UpdatedAt = now,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ProcessDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <exception cref="ProcessDraftNotFoundException"/>
    /// <exception cref="ProcessDraftForbiddenException">Someone else's draft (and the user may not manage all).</exception>
    /// <exception cref="ProcessDraftValidationException"/>
    public async Task<ProcessDraft> UpdateAsync(Guid id, ProcessDraftInput input, string user, bool mayManageAll, int maxXmlLength,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var (key, xml, comment) = Check(input, maxXmlLength);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var draft = await OwnedAsync(db, id, user, mayManageAll, ct);
        draft.ProcessKey = key;
        draft.Xml = xml;
        draft.BasedOnVersion = input.BasedOnVersion ?? draft.BasedOnVersion;
        draft.Comment = comment;
        draft.UpdatedBy = user;
        draft.UpdatedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <exception cref="ProcessDraftNotFoundException"/>
    /// <exception cref="ProcessDraftForbiddenException"/>
    public async Task DeleteAsync(Guid id, string user, bool mayManageAll, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ProcessDrafts.Remove(await OwnedAsync(db, id, user, mayManageAll, ct));
        await db.SaveChangesAsync(ct);
    }

    private static async Task<ProcessDraft> OwnedAsync(DomainDbContext db, Guid id, string user, bool mayManageAll, CancellationToken ct)
    {
        var draft = await db.ProcessDrafts.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new ProcessDraftNotFoundException(id);
        if (draft.CreatedBy != user && !mayManageAll)
            throw new ProcessDraftForbiddenException($"The draft '{id}' belongs to '{draft.CreatedBy}': only its author or an administrator changes it.");
        return draft;
    }

    private static (string Key, string Xml, string? Comment) Check(ProcessDraftInput input, int maxXmlLength)
    {
        ArgumentNullException.ThrowIfNull(input);
        var key = input.ProcessKey?.Trim();
        if (string.IsNullOrEmpty(key)) throw new ProcessDraftValidationException("processKey", "processKey: required (the process's id).");
        if (key.Length > MaxKeyLength || !ProcessKeyPattern().IsMatch(key))
            throw new ProcessDraftValidationException("processKey",
                $"processKey: '{Shorten(key)}' is not a valid process id (a letter or '_' first, then letters, digits, '-', '_' or '.'; at most {MaxKeyLength}).");
        if (string.IsNullOrWhiteSpace(input.Xml)) throw new ProcessDraftValidationException("xml", "xml: required (the BPMN document).");
        if (input.Xml.Length > maxXmlLength)
            throw new ProcessDraftValidationException("xml", $"xml: at most {maxXmlLength:N0} characters (Engine:MaxBpmnDocumentBytes).");
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (comment?.Length > MaxCommentLength) throw new ProcessDraftValidationException("comment", $"comment: at most {MaxCommentLength:N0} characters.");
        if (input.BasedOnVersion is < 1) throw new ProcessDraftValidationException("basedOnVersion", "basedOnVersion: a version number (1 or more).");
        return (key, input.Xml, comment);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex ProcessKeyPattern();
}
