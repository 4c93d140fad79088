using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Persistence;
using Reclamations.Engine.Api;
using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Studio.Pages;

/// <summary>Moves chosen running instances of one version of a process onto another: the engine's plan (equal elements)
/// as an editable mapping, a preview per instance (what moves, what refuses it), then the migration (one transaction per
/// instance, a history row in the engine, an audit row on the complaint).</summary>
public sealed class VersionMigrationModel(ProcessEngine engine, IDbContextFactory<DomainDbContext> domain, AuditRecorder audit) : PageModel
{
    /// <summary>Kinds of element no instance waits in: not offered in the mapping.</summary>
    private static readonly HashSet<string> NeverWaiting = new(StringComparer.Ordinal) { "endEvent", "intermediateThrowEvent", "process" };

    public sealed record Element(string Id, string Label, string Type);

    public sealed record Instance(RunningInstanceInfo Info, string? Reference);

    public string Key { get; private set; } = "";
    public IReadOnlyList<ProcessDefinitionInfo> Versions { get; private set; } = [];
    public ProcessDefinitionInfo? Source { get; private set; }
    public ProcessDefinitionInfo? Target { get; private set; }
    public IReadOnlyList<Instance> Instances { get; private set; } = [];
    public IReadOnlyList<Element> SourceElements { get; private set; } = [];
    public IReadOnlyDictionary<string, Element> SourceById { get; private set; } = new Dictionary<string, Element>();
    public IReadOnlyList<Element> TargetElements { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Mapping { get; private set; } = new Dictionary<string, string>();
    public IReadOnlySet<Guid> Chosen { get; private set; } = new HashSet<Guid>();
    public IReadOnlySet<string> Waiting { get; private set; } = new HashSet<string>();
    public IReadOnlyList<InstanceMigrationReport>? Reports { get; private set; }
    public bool Executed { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, int? from, int? to, CancellationToken ct)
    {
        if (!await LoadAsync(key, from, to, ct)) return NotFound();
        if (Source is not null && Target is not null)
        {
            Mapping = (await engine.CreateMigrationPlanAsync(Source.Id, Target.Id, HttpContext.GetActor(), ct)).Instructions
                .ToDictionary(i => i.SourceActivityId, i => i.TargetActivityId, StringComparer.Ordinal);
            Chosen = Instances.Select(i => i.Info.Id).ToHashSet();
        }
        return Page();
    }

    public Task<IActionResult> OnPostPreviewAsync(string key, int? from, int? to, [FromForm] List<Guid>? instance,
        [FromForm] Dictionary<string, string>? map, CancellationToken ct) => RunAsync(key, from, to, instance, map, execute: false, ct);

    public Task<IActionResult> OnPostExecuteAsync(string key, int? from, int? to, [FromForm] List<Guid>? instance,
        [FromForm] Dictionary<string, string>? map, CancellationToken ct) => RunAsync(key, from, to, instance, map, execute: true, ct);

    private async Task<IActionResult> RunAsync(string key, int? from, int? to, List<Guid>? instances, Dictionary<string, string>? map,
        bool execute, CancellationToken ct)
    {
        if (!await LoadAsync(key, from, to, ct)) return NotFound();
        if (Source is null || Target is null) return Page();
        Mapping = (map ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Value))
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        Chosen = (instances ?? []).ToHashSet();
        if (Chosen.Count == 0)
        {
            Error = "Choisissez au moins une instance à migrer.";
            return Page();
        }
        var plan = new MigrationPlan(Source.Id, Target.Id,
            Mapping.Select(m => new MigrationInstruction(m.Key, m.Value)).ToList());
        var actor = HttpContext.GetActor();
        try
        {
            Reports = execute
                ? await engine.MigrateAsync(plan, Chosen.ToList(), actor, ct)
                : await engine.ValidateMigrationAsync(plan, Chosen.ToList(), actor, ct);
        }
        catch (Exception e) when (e is RejectedException or NotFoundException)
        {
            Error = e.Message;
            return Page();
        }
        Executed = execute;
        if (execute) await AuditAsync(Reports.Where(r => r.Migrated).ToList(), actor.Id, ct);
        if (execute) await LoadAsync(key, from, to, ct); // the migrated instances have left the source version
        return Page();
    }

    /// <summary>An audit row on each migrated complaint (the engine's history has its own row, ProcessInstanceMigrated).</summary>
    private async Task AuditAsync(IReadOnlyList<InstanceMigrationReport> migrated, string user, CancellationToken ct)
    {
        if (migrated.Count == 0) return;
        var ids = migrated.Select(r => (Guid?)r.ProcessInstanceId).ToList();
        await using var db = await domain.CreateDbContextAsync(ct);
        var complaints = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.ProcessInstanceId))
            .Select(c => new { c.Id, c.ProcessInstanceId }).ToListAsync(ct);
        foreach (var complaint in complaints)
        {
            var report = migrated.First(r => r.ProcessInstanceId == complaint.ProcessInstanceId);
            await audit.RecordAsync([complaint.Id], user, "Migration du processus", new
            {
                processInstanceId = report.ProcessInstanceId,
                from = $"{Source!.Key}:{Source.Version}",
                to = $"{Target!.Key}:{Target.Version}",
                moves = report.Moves.Select(m => $"{m.SourceActivityId} -> {m.TargetActivityId}").ToList(),
            }, ct);
        }
    }

    private async Task<bool> LoadAsync(string key, int? from, int? to, CancellationToken ct)
    {
        Key = key;
        Versions = (await engine.GetProcessDefinitionsAsync(latestOnly: false, ct)).Where(d => d.Key == key).OrderBy(d => d.Version).ToList();
        if (Versions.Count == 0) return false;
        if (Versions.Count == 1)
        {
            Error = $"Le processus « {key} » n'a qu'une version : aucune migration possible.";
            return true;
        }
        var target = to ?? Versions[^1].Version;
        var source = from ?? Versions.Select(v => v.Version).Where(v => v < target).DefaultIfEmpty(Versions[0].Version).Max();
        Source = Versions.FirstOrDefault(v => v.Version == source);
        Target = Versions.FirstOrDefault(v => v.Version == target);
        if (Source is null || Target is null || Source.Version == Target.Version)
        {
            Error = Source is null || Target is null
                ? $"La version {(Source is null ? source : target)} du processus « {key} » n'existe pas (versions 1 à {Versions[^1].Version})."
                : "Choisissez deux versions différentes.";
            (Source, Target) = (null, null);
            return true;
        }
        var running = await engine.GetRunningInstancesAsync(Source.Id, HttpContext.GetActor(), ProcessEngine.MaxInstancesPerMigration, ct);
        var ids = running.Select(r => (Guid?)r.Id).ToList();
        await using (var db = await domain.CreateDbContextAsync(ct))
        {
            var references = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.ProcessInstanceId))
                .Select(c => new { c.ProcessInstanceId, c.Reference }).ToListAsync(ct);
            Instances = running.Select(r => new Instance(r, references.FirstOrDefault(c => c.ProcessInstanceId == r.Id)?.Reference)).ToList();
        }
        Waiting = running.SelectMany(r => r.ActiveActivityIds).ToHashSet(StringComparer.Ordinal);
        SourceElements = await ElementsAsync(Source, ct);
        SourceById = SourceElements.ToDictionary(e => e.Id, StringComparer.Ordinal);
        TargetElements = await ElementsAsync(Target, ct);
        SourceElements = SourceElements.OrderBy(e => Waiting.Contains(e.Id) ? 0 : 1).ThenBy(e => e.Label, StringComparer.CurrentCulture).ToList();
        return true;
    }

    private async Task<IReadOnlyList<Element>> ElementsAsync(ProcessDefinitionInfo definition, CancellationToken ct)
    {
        var xml = await engine.GetProcessDefinitionXmlAsync(definition.Key, definition.Version, ct);
        var model = BpmnParser.Parse(xml).First(p => p.Id == definition.Key);
        return model.NodesById.Values.Where(n => !NeverWaiting.Contains(n.ElementType))
            .Select(n => new Element(n.Id, n.DisplayName, n.ElementType)).OrderBy(n => n.Label, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The element's name and id for the page.</summary>
    public string Describe(string? id) =>
        id is null ? "l'instance" : SourceById.TryGetValue(id, out var e) && e.Label != id ? $"« {e.Label} » ({id})" : $"« {id} »";

    /// <summary>The engine's reason (English, for operators) said in French for the process owner.</summary>
    public string Explain(MigrationProblem problem)
    {
        var reason = problem.Reason;
        var element = Describe(problem.ActivityId);
        if (reason.Contains("which the plan does not map", StringComparison.Ordinal))
            return $"l'instance attend dans {element}, qui n'a pas de correspondance dans la version {Target?.Version}";
        if (reason.StartsWith("the target version has no element", StringComparison.Ordinal))
            return $"la correspondance de {element} n'existe pas dans la version {Target?.Version}";
        if (reason.Contains("not active", StringComparison.Ordinal)) return "l'instance n'est plus en cours";
        if (reason.Contains("not the plan's source", StringComparison.Ordinal))
            return $"l'instance ne tourne pas sur la version {Source?.Version}";
        if (reason.Contains("readerGroups", StringComparison.Ordinal))
            return "la version cible donne d'autres lecteurs (readerGroups) : une migration ne change pas qui lit une instance";
        if (reason.Contains(" is a ", StringComparison.Ordinal)) return $"{element} ne correspond pas à un élément du même type ({reason})";
        if (reason.Contains("multi-instance", StringComparison.Ordinal)) return $"{element} et sa correspondance diffèrent en multi-instance";
        if (reason.Contains("scope", StringComparison.Ordinal)) return $"la correspondance de {element} n'est pas dans le sous-processus correspondant";
        if (reason.Contains("boundary event", StringComparison.Ordinal))
            return $"l'événement {element} doit correspondre à un événement attaché à l'activité correspondante";
        return $"{element} : {reason}";
    }
}
