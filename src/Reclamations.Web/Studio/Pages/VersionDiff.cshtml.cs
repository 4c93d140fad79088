using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;

namespace Reclamations.Web.Studio.Pages;

/// <summary>Two deployed versions of a process compared on the newer one's diagram (bpmn-js-differ in the browser,
/// <c>dist/studio-diff.js</c>): added, removed, changed and moved elements marked, and the table of every change.</summary>
public sealed class VersionDiffModel(ProcessEngine engine) : PageModel
{
    public string Key { get; private set; } = "";
    public IReadOnlyList<ProcessDefinitionInfo> Versions { get; private set; } = [];
    public ProcessDefinitionInfo? Old { get; private set; }
    public ProcessDefinitionInfo? New { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, int? from, int? to, CancellationToken ct)
    {
        Key = key;
        Versions = (await engine.GetProcessDefinitionsAsync(latestOnly: false, ct)).Where(d => d.Key == key).OrderBy(d => d.Version).ToList();
        if (Versions.Count == 0) return NotFound();
        var target = to ?? Versions[^1].Version;
        var source = from ?? Math.Max(1, target - 1);
        var a = Versions.FirstOrDefault(v => v.Version == source);
        var b = Versions.FirstOrDefault(v => v.Version == target);
        if (a is null || b is null)
            Error = $"La version {(a is null ? source : target)} du processus « {key} » n'existe pas (versions 1 à {Versions[^1].Version}).";
        else if (a.Version == b.Version)
            Error = Versions.Count == 1
                ? $"Le processus « {key} » n'a qu'une version : rien à comparer."
                : "Choisissez deux versions différentes.";
        else
            (Old, New) = a.Version < b.Version ? (a, b) : (b, a);
        return Page();
    }

    public string XmlUrl(ProcessDefinitionInfo d) =>
        $"/api/engine/process-definitions/{Uri.EscapeDataString(d.Key)}/xml?version={d.Version}";
}
