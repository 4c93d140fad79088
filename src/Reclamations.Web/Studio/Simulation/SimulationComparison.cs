using Reclamations.Web.Shared;

namespace Reclamations.Web.Studio.Simulation;

/// <summary>Where two runs of one scenario differ: the steps each reached, the letters each rendered (and when), the
/// dates (deadlines, tasks created). One row per item; <see cref="Row.Differs"/> marks a difference.</summary>
public static class SimulationComparison
{
    public sealed record Row(string Aspect, string Item, string Left, string Right)
    {
        public bool Differs => !string.Equals(Left, Right, StringComparison.Ordinal);
    }

    public static IReadOnlyList<Row> Of(SimulationSnapshot left, SimulationSnapshot right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var names = new Dictionary<string, string>(right.Names, StringComparer.Ordinal);
        foreach (var (id, name) in left.Names) names[id] = name;
        var rows = new List<Row>();
        var (l, r) = (left.StepsReached, right.StepsReached);
        foreach (var id in l.Union(r).OrderBy(id => names.GetValueOrDefault(id) ?? id, StringComparer.Ordinal))
            rows.Add(new Row("Étape", names.GetValueOrDefault(id) ?? id, Reached(left, id), Reached(right, id)));

        foreach (var template in left.Letters.Select(x => x.TemplateName).Union(right.Letters.Select(x => x.TemplateName)).Order(StringComparer.Ordinal))
            rows.Add(new Row("Courrier", template, LetterDates(left, template), LetterDates(right, template)));

        rows.Add(new Row("Date", "Accusé de réception avant le", FrenchDates.Day(left.Complaint.AcknowledgementDueDate),
            FrenchDates.Day(right.Complaint.AcknowledgementDueDate)));
        rows.Add(new Row("Date", "Réponse avant le", FrenchDates.Day(left.Complaint.ResponseDueDate), FrenchDates.Day(right.Complaint.ResponseDueDate)));
        foreach (var key in left.CreatedTasks.Select(t => t.Key).Union(right.CreatedTasks.Select(t => t.Key)).Distinct(StringComparer.Ordinal))
            rows.Add(new Row("Date", $"Tâche créée : {names.GetValueOrDefault(key) ?? key}", TaskDates(left, key), TaskDates(right, key)));
        rows.Add(new Row("Date", "Dépassements", Breaches(left), Breaches(right)));
        return rows;
    }

    private static string Reached(SimulationSnapshot s, string id) =>
        s.ActiveIds.Contains(id) ? "en cours" : s.DoneIds.Contains(id) ? "atteinte" : "—";

    private static string LetterDates(SimulationSnapshot s, string template)
    {
        var dates = s.Letters.Where(x => x.TemplateName == template).Select(x => FrenchDates.Day(x.CreatedAt)).ToList();
        return dates.Count == 0 ? "—" : string.Join(", ", dates);
    }

    private static string TaskDates(SimulationSnapshot s, string key)
    {
        var dates = s.CreatedTasks.Where(t => t.Key == key).Select(t => FrenchDates.Day(t.At)).ToList();
        return dates.Count == 0 ? "—" : string.Join(", ", dates);
    }

    private static string Breaches(SimulationSnapshot s) =>
        s.Complaint.DeadlineBreaches.Count == 0 ? "aucun" : string.Join(", ", s.Complaint.DeadlineBreaches);
}
