using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Templates;
using Reclamations.Domain.Workflow;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Studio.Pages.Courriers;

/// <summary>Studio, one letter template: the editor (CodeMirror over the text area, studio-templates.js), the live preview from
/// sample data or an anonymised copy of a complaint, the problems with line and column, the declared variables and the
/// mandatory mentions, the versions with who and when, a diff between two versions, and the save with a comment.</summary>
public sealed class EditorModel(TemplateEditor editor, LetterTemplateCatalog catalog, DeadlineProfileCatalog profiles, UserDirectory users)
    : PageModel
{
    public string Key { get; private set; } = "";
    public bool IsPartial => LetterTemplateKeys.IsPartial(Key);
    public string Title => IsPartial ? $"partie commune « {LetterTemplateKeys.PartialName(Key)} »" : $"courrier « {Key} »";
    public int Version { get; private set; }
    public string Body { get; private set; } = "";
    public string Comment { get; private set; } = "";
    public string? Message { get; private set; }
    public IReadOnlyList<TemplateProblem> Problems { get; private set; } = [];
    public IReadOnlyList<LetterTemplateVersion> Versions { get; private set; } = [];
    public IReadOnlyList<LetterModelSchema.Variable> Variables { get; private set; } = [];
    public IReadOnlyList<MandatoryMentions.Mention> Mentions { get; private set; } = [];
    public IReadOnlyList<string> ProfileCodes { get; private set; } = [];
    public IReadOnlyList<string> Letters { get; private set; } = [];
    public TemplateEditor.Preview? Preview { get; private set; }
    public int? DiffFrom { get; private set; }
    public int? DiffTo { get; private set; }
    public IReadOnlyList<TemplateDiff.Line>? Diff { get; private set; }
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string key, int? from, int? to, string? message, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        Message = message;
        Body = (await editor.CurrentAsync(key, ct)).Source;
        Preview = await editor.PreviewAsync(key, Body, ct: ct);
        if (from is { } f && to is { } t && await catalog.SourceAsync(key, f, ct) is { } older && await catalog.SourceAsync(key, t, ct) is { } newer)
        {
            (DiffFrom, DiffTo, Diff) = (f, t, TemplateDiff.Compare(older, newer));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string key, string? body, string? comment, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct)) return NotFound();
        try
        {
            var saved = await editor.SaveAsync(key, body, comment, HttpContext.GetActor().Id, ct);
            return RedirectToPage(new { key, message = $"Version {saved.Version} enregistrée." });
        }
        catch (TemplateValidationException e)
        {
            Problems = e.Problems;
            Body = body ?? "";
            Comment = comment ?? "";
            Preview = await editor.PreviewAsync(key, Body, ct: ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    public string NameOf(string user) => Names.GetValueOrDefault(user, user);

    private async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        var current = await catalog.CurrentAsync(ct);
        if (current.Find(key) is not { } template) return false;
        Key = key;
        Version = template.Version;
        Versions = await catalog.VersionsAsync(key, ct);
        Variables = LetterModelSchema.For(key);
        Mentions = IsPartial
            ? MandatoryMentions.ByTemplate.Values.SelectMany(m => m).Distinct().ToList()
            : MandatoryMentions.ByTemplate.GetValueOrDefault(key) ?? [];
        ProfileCodes = profiles.Current.Keys.Order(StringComparer.Ordinal).ToList();
        Letters = current.TemplateNames;
        Names = await users.NamesAsync(ct);
        return true;
    }
}
