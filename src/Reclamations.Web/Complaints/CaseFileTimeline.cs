using Reclamations.Domain.Register;
using Reclamations.Engine.Api;

namespace Reclamations.Web.Complaints;

/// <summary>The case file's timeline: register changes (audit), letters, and the process's task events, with who and
/// when, oldest first.</summary>
public static class CaseFileTimeline
{
    public sealed record Entry(DateTimeOffset At, string Text, string Who);

    private static readonly Dictionary<string, string> TaskEvents = new(StringComparer.Ordinal)
    {
        ["TaskCreated"] = "Tâche créée",
        ["TaskClaimed"] = "Tâche prise",
        ["TaskUnclaimed"] = "Tâche rendue",
        ["TaskAssigned"] = "Tâche attribuée",
        ["TaskCompleted"] = "Tâche terminée",
        ["TaskDelegated"] = "Tâche déléguée",
        ["TaskResolved"] = "Tâche résolue",
    };

    public static IReadOnlyList<Entry> Build(ComplaintCaseFile file, IEnumerable<HistoryEventInfo> history, Func<string?, string?> nameOf)
    {
        var entries = new List<Entry>();
        entries.AddRange(file.Audit.Select(a => new Entry(a.At, a.Action, nameOf(a.User) ?? a.User)));
        entries.AddRange(file.Letters.Select(l => new Entry(l.CreatedAt, $"Courrier « {l.Subject} » préparé pour {l.Recipient}", "processus")));
        var taskNames = history.Where(h => h.EventType == "TaskCreated" && h.TaskId is not null)
            .GroupBy(h => h.TaskId!.Value).ToDictionary(g => g.Key, g => g.First().Details ?? g.First().ActivityId ?? "");
        foreach (var h in history)
        {
            if (!TaskEvents.TryGetValue(h.EventType, out var label)) continue;
            var task = h.TaskId is { } id && taskNames.TryGetValue(id, out var name) && name.Length > 0 ? name : h.ActivityId;
            entries.Add(new Entry(h.Timestamp, $"{label} : {task}", nameOf(h.UserId) ?? h.UserId ?? "processus"));
        }
        return entries.OrderBy(e => e.At).ToList();
    }
}
