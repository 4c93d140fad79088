using System.Net;
using System.Text;
using Reclamations.Domain.Letters;
using Reclamations.Engine.Api;

namespace Reclamations.Domain.Notifications;

/// <summary>The French text of one user's digest: each new task with its name, complaint reference, due date and link.</summary>
internal static class TaskDigestMail
{
    /// <summary>Stands for the complaint reference of the outbox row (a digest is about several complaints, or none).</summary>
    public const string Reference = "Corbeille";

    public static (string Subject, string Html, string Text) Compose(DigestRecipient recipient, IReadOnlyList<TaskInfo> tasks,
        string baseUrl, FirmSettings firm, TimeZoneInfo zone)
    {
        var subject = tasks.Count == 1
            ? $"[{Reference}] Une nouvelle tâche dans vos groupes"
            : $"[{Reference}] {tasks.Count} nouvelles tâches dans vos groupes";
        var html = new StringBuilder();
        var text = new StringBuilder();
        var hello = string.IsNullOrWhiteSpace(recipient.DisplayName) ? "Bonjour," : $"Bonjour {recipient.DisplayName},";
        var intro = tasks.Count == 1
            ? "Une nouvelle tâche est proposée à l'un de vos groupes depuis le dernier récapitulatif :"
            : $"{tasks.Count} nouvelles tâches sont proposées à vos groupes depuis le dernier récapitulatif :";
        html.Append("<p>").Append(E(hello)).Append("</p><p>").Append(E(intro)).Append("</p><ul>");
        text.Append(hello).Append("\n\n").Append(intro).Append('\n');
        foreach (var task in tasks)
        {
            var name = task.Name ?? task.TaskDefinitionKey;
            var link = $"{baseUrl}/taches/{task.Id}";
            var details = new List<string>();
            if (task.BusinessKey is { Length: > 0 } reference) details.Add($"réclamation {reference}");
            details.Add(task.DueDate is { } due ? $"échéance le {FrenchFormat.Date(due, zone)}" : "sans échéance");
            html.Append("<li><a href=\"").Append(E(link)).Append("\">").Append(E(name)).Append("</a> — ").Append(E(string.Join(", ", details)))
                .Append("</li>");
            text.Append("\n- ").Append(name).Append(" — ").Append(string.Join(", ", details)).Append("\n  ").Append(link);
        }
        var settings = $"{baseUrl}/compte/notifications";
        var optOut = "Vous recevez ce récapitulatif parce que vous faites partie de ces groupes ; vous pouvez ne plus le recevoir :";
        html.Append("</ul><p>").Append(E(optOut)).Append(" <a href=\"").Append(E(settings)).Append("\">").Append(E(settings))
            .Append("</a>.</p><p>").Append(E(firm.Name)).Append("</p>");
        text.Append("\n\n").Append(optOut).Append(' ').Append(settings).Append("\n\n").Append(firm.Name).Append('\n');
        return (subject, html.ToString(), text.ToString());
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
