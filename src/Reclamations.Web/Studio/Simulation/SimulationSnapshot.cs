using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;
using Reclamations.Engine.Persistence;

namespace Reclamations.Web.Studio.Simulation;

/// <summary>What a sandbox shows at one moment: its clock, the complaint's register entry (deadlines, breaches), the main
/// instance on its diagram (active and completed elements), the open tasks, the tasks created, the letters rendered and a
/// timeline of steps, timers fired, letters and breaches. Read from the sandbox only.</summary>
public sealed record SimulationSnapshot(
    DateTimeOffset Now,
    Complaint Complaint,
    ProcessInstanceInfo? Instance,
    IReadOnlyList<string> ActiveIds,
    IReadOnlyList<string> DoneIds,
    IReadOnlyList<TaskInfo> OpenTasks,
    IReadOnlyList<SimulationSnapshot.CreatedTask> CreatedTasks,
    IReadOnlyList<SentLetter> Letters,
    IReadOnlyList<SimulationSnapshot.Entry> Timeline,
    IReadOnlyList<SimulationSnapshot.PendingTimer> PendingTimers,
    IReadOnlyDictionary<string, string> Names)
{
    /// <summary>An element's name in the sandbox's processes (its id when it has none).</summary>
    public string NameOf(string id) => Names.GetValueOrDefault(id) ?? id;

    public sealed record CreatedTask(DateTimeOffset At, string Key, string Name);

    /// <summary>A timeline row; <see cref="Kind"/>: step, task, timer, letter, breach, process.</summary>
    public sealed record Entry(DateTimeOffset At, string Kind, string Text);

    public sealed record PendingTimer(DateTimeOffset DueAt, string ActivityId, string Name);

    /// <summary>The steps reached (completed or under way), by element id.</summary>
    public IReadOnlySet<string> StepsReached => DoneIds.Concat(ActiveIds).ToHashSet(StringComparer.Ordinal);

    public static async Task<SimulationSnapshot> LoadAsync(SimulationSandbox sandbox, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var engine = sandbox.Engine;
        var file = await sandbox.Services.GetRequiredService<ComplaintRegister>().GetAsync(sandbox.ComplaintId, ct);
        var names = await ElementNamesAsync(sandbox, ct);
        string Name(string? id) => id is null ? "" : names.GetValueOrDefault(id) ?? id;

        List<Guid> instanceIds;
        await using (var db = await sandbox.Services.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync(ct))
            instanceIds = await db.ProcessInstances.AsNoTracking().OrderBy(i => i.StartedAt).Select(i => i.Id).ToListAsync(ct);
        var history = new List<HistoryEventInfo>();
        foreach (var id in instanceIds) history.AddRange(await engine.GetHistoryAsync(id, Actor.System, ct));
        history = history.OrderBy(h => h.Timestamp).ThenBy(h => h.Id).ToList();

        ProcessInstanceInfo? main = null;
        var done = new List<string>();
        if (file.Complaint.ProcessInstanceId is { } mainId)
        {
            main = await engine.GetProcessInstanceAsync(mainId, Actor.System, ct);
            done = (await engine.GetHistoryAsync(mainId, Actor.System, ct))
                .Where(h => h.EventType == Reclamations.Engine.Api.HistoryEventTypes.ActivityCompleted && h.ActivityId is not null).Select(h => h.ActivityId!).Distinct().ToList();
        }

        var created = history.Where(h => h.EventType == "TaskCreated")
            .Select(h => new CreatedTask(h.Timestamp, h.ActivityId ?? "", h.Details ?? Name(h.ActivityId))).ToList();
        var timeline = new List<Entry>();
        foreach (var h in history)
        {
            var entry = h.EventType switch
            {
                "ProcessStarted" => new Entry(h.Timestamp, "process", $"Processus démarré : {Name(h.ActivityId)}"),
                "ProcessCompleted" => new Entry(h.Timestamp, "process", "Processus terminé"),
                "TaskCreated" => new Entry(h.Timestamp, "task", $"Tâche créée : {h.Details ?? Name(h.ActivityId)}"),
                "TaskCompleted" => new Entry(h.Timestamp, "task", $"Tâche terminée : {Name(h.ActivityId)}"),
                "TimerFired" => new Entry(h.Timestamp, "timer", $"Échéance atteinte : {Name(h.ActivityId)}"),
                "IncidentCreated" => new Entry(h.Timestamp, "incident", $"Incident : {Name(h.ActivityId)} — {h.Details}"),
                _ => null,
            };
            if (entry is not null) timeline.Add(entry);
        }
        timeline.AddRange(file.Letters.Select(l => new Entry(l.CreatedAt, "letter", $"Courrier rendu : « {l.Subject} » ({l.TemplateName})")));
        timeline.AddRange(file.Audit.Where(a => a.Action.StartsWith("Délai dépassé", StringComparison.Ordinal))
            .Select(a => new Entry(a.At, "breach", a.Action)));

        var timers = (await engine.QueryJobsAsync(new JobQuery(Kind: "Timer", MaxResults: 100), Actor.System, ct)).Items
            .Select(j => new PendingTimer(j.DueAt, j.ActivityId, Name(j.ActivityId))).OrderBy(t => t.DueAt).ToList();

        return new SimulationSnapshot(sandbox.Clock.GetUtcNow(), file.Complaint, main, main?.ActiveActivityIds ?? [], done,
            await sandbox.OpenTasksAsync(ct), created, file.Letters.OrderBy(l => l.CreatedAt).ToList(),
            timeline.OrderBy(e => e.At).ToList(), timers, names);
    }

    /// <summary>The names of the elements of every process deployed in the sandbox, by id (the latest version's win).</summary>
    private static async Task<Dictionary<string, string>> ElementNamesAsync(SimulationSandbox sandbox, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in await sandbox.Engine.GetProcessDefinitionsAsync(latestOnly: true, ct))
        {
            var xml = XDocument.Parse(await sandbox.Engine.GetProcessDefinitionXmlAsync(definition.Key, definition.Version, ct));
            foreach (var element in xml.Descendants())
                if (element.Attribute("id")?.Value is { } id && element.Attribute("name")?.Value is { Length: > 0 } name
                    && element.Name.Namespace.NamespaceName.Contains("BPMN/20100524/MODEL", StringComparison.Ordinal))
                    names[id] = name.ReplaceLineEndings(" ");
        }
        return names;
    }
}
