using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Studio;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Studio.Pages;

/// <summary>The studio's home (ProcessOwner, Admin, by the folder's policy): the deployed processes with every version (who
/// deployed it, when, why, how many instances still run on it) and the drafts; a new process, a .bpmn file to import.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
[RequestSizeLimit(MaxUploadBytes)]
public sealed partial class IndexModel(ProcessEngine engine, EngineRuntime runtime, ProcessDraftStore drafts, UserDirectory users) : PageModel
{
    /// <summary>The engine's ceiling for a BPMN document plus the form's framing; the configured limit is checked on the file.</summary>
    private const long MaxUploadBytes = 20 * 1024 * 1024;

    public sealed record ProcessRow(string Key, string? Name, IReadOnlyList<ProcessDefinitionInfo> Versions);

    public IReadOnlyList<ProcessRow> Processes { get; private set; } = [];
    public IReadOnlyList<ProcessDraftSummary> Drafts { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Running { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? message, string? error, CancellationToken ct)
    {
        Message = message;
        Error = error;
        var all = await engine.GetProcessDefinitionsAsync(latestOnly: false, ct);
        Processes = all.GroupBy(d => d.Key)
            .Select(g => new ProcessRow(g.Key, g.Last().Name, g.OrderByDescending(d => d.Version).ToList())).ToList();
        Drafts = await drafts.ListAsync(ct: ct);
        Running = await engine.CountActiveInstancesByDefinitionAsync(ct);
        Names = await users.NamesAsync(ct);
    }

    public string NameOf(string? userId) =>
        userId is null || userId == Actor.System.Id ? "démarrage de l'application (fichier)" : Names.GetValueOrDefault(userId, userId);

    /// <summary>A new process: its key (the BPMN process id) opens an empty diagram in the designer.</summary>
    public IActionResult OnPostNew(string? key)
    {
        key = key?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > ProcessDraftStore.MaxKeyLength || !KeyPattern().IsMatch(key))
            return RedirectToPage(new { error = "L'identifiant du processus doit commencer par une lettre et ne contenir que des lettres, chiffres, tirets, points ou soulignés." });
        return Redirect($"/studio/processus/{Uri.EscapeDataString(key)}?nouveau=1");
    }

    /// <summary>A .bpmn file (Camunda Modeler's, for instance) kept as a draft, unchanged, then opened in the designer.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return RedirectToPage(new { error = "Choisissez un fichier .bpmn à importer." });
        var limit = runtime.Options.MaxBpmnDocumentBytes;
        if (file.Length > limit)
            return RedirectToPage(new { error = $"Le fichier dépasse la taille maximale d'un processus ({limit:N0} octets, Engine:MaxBpmnDocumentBytes)." });
        string xml;
        using (var reader = new StreamReader(file.OpenReadStream()))
            xml = await reader.ReadToEndAsync(ct);
        var key = ProcessIdOf(xml);
        if (key is null)
            return RedirectToPage(new { error = $"« {file.FileName} » n'est pas un fichier BPMN lisible (aucun élément process avec un identifiant)." });
        try
        {
            var draft = await drafts.CreateAsync(new ProcessDraftInput(key, xml, null, $"Importé de {Path.GetFileName(file.FileName)}"),
                HttpContext.GetActor().Id, limit, ct);
            return Redirect($"/studio/processus/{Uri.EscapeDataString(key)}?draft={draft.Id}");
        }
        catch (ProcessDraftValidationException e)
        {
            return RedirectToPage(new { error = e.Message });
        }
    }

    public async Task<IActionResult> OnPostDeleteDraftAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await drafts.DeleteAsync(id, HttpContext.GetActor().Id, User.IsInRole(Roles.Admin), ct);
            return RedirectToPage(new { message = "Le brouillon est supprimé." });
        }
        catch (Exception e) when (e is ProcessDraftNotFoundException or ProcessDraftForbiddenException)
        {
            return RedirectToPage(new { error = e is ProcessDraftForbiddenException ? "Seul l'auteur du brouillon (ou un administrateur) peut le supprimer." : "Ce brouillon n'existe plus." });
        }
    }

    /// <summary>The id of the file's first process (executable first), read without resolving anything; null when unreadable.</summary>
    internal static string? ProcessIdOf(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        string? first = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "process") continue;
                var id = reader.GetAttribute("id");
                if (id is null) continue;
                if (reader.GetAttribute("isExecutable") == "true") return id;
                first ??= id;
            }
        }
        catch (XmlException)
        {
            return null;
        }
        return first;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex KeyPattern();
}
