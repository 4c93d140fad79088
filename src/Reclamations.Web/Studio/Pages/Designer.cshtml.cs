using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Studio;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Accounts;

namespace Reclamations.Web.Studio.Pages;

/// <summary>The designer (ProcessOwner, Admin, by the folder's policy): a deployed version (the latest, or <c>?version=n</c>),
/// a draft (<c>?draft={id}</c>) or a new process (<c>?nouveau=1</c>) in the bpmn-js modeler; the page script does the rest
/// through the studio's and the engine's API.</summary>
public sealed class DesignerModel(ProcessEngine engine, ProcessDraftStore drafts, DesignerHandlers handlers, UserDirectory users) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Key { get; private set; } = "";
    public ProcessDefinitionInfo? Opened { get; private set; }
    public ProcessDraft? Draft { get; private set; }
    public int LatestVersion { get; private set; }
    public string? XmlUrl { get; private set; }
    public string KnownHandlersJson { get; private set; } = "{}";
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string key, int? version, Guid? draft, string? nouveau, CancellationToken ct)
    {
        Key = key;
        var versions = (await engine.GetProcessDefinitionsAsync(latestOnly: false, ct)).Where(d => d.Key == key).ToList();
        LatestVersion = versions.Count == 0 ? 0 : versions.Max(v => v.Version);
        if (draft is { } id)
        {
            try
            {
                Draft = await drafts.GetAsync(id, ct);
            }
            catch (ProcessDraftNotFoundException)
            {
                return NotFound();
            }
            XmlUrl = $"/api/studio/drafts/{id}/xml";
            Opened = versions.FirstOrDefault(v => v.Version == Draft.BasedOnVersion);
        }
        else if (versions.Count > 0)
        {
            Opened = version is null ? versions[^1] : versions.FirstOrDefault(v => v.Version == version);
            if (Opened is null) return NotFound();
            XmlUrl = $"/api/engine/process-definitions/{Uri.EscapeDataString(key)}/xml?version={Opened.Version}";
        }
        else if (nouveau is null)
        {
            return NotFound();
        }
        KnownHandlersJson = JsonSerializer.Serialize(handlers.Known, Json);
        Names = await users.NamesAsync(ct);
        return Page();
    }

    public string NameOf(string? userId) =>
        userId is null || userId == Actor.System.Id ? "démarrage de l'application (fichier)" : Names.GetValueOrDefault(userId, userId);
}
