using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Calendars;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Inbox.Pages;

/// <summary>The inbox: my tasks and my groups' tasks by due date, overdue and due-soon marked, filters, claim / unclaim.</summary>
public sealed class IndexModel(TaskInbox inbox, ProcessEngine engine, Reclamations.Web.Accounts.UserDirectory users, TimeProvider time)
    : PageModel
{
    /// <summary>"Due soon" = within 2 working days (jours ouvrés).</summary>
    private static readonly WorkingDayCalendar DueSoonCalendar = new(CalendarKind.JoursOuvres, HolidayRegion.France);

    public IReadOnlyList<Row> Tasks { get; private set; } = [];
    public IReadOnlyList<(string Key, string Name)> TaskKinds { get; private set; } = [];
    public string? Reference { get; private set; }
    public string? Task { get; private set; }
    public string Me { get; private set; } = "";
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();

    /// <summary>A user's display name (their id when unknown).</summary>
    public string NameOf(string userId) => _names.GetValueOrDefault(userId, userId);

    public async Task OnGetAsync(string? reference, string? task, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        Me = actor.Id;
        Reference = reference;
        Task = task;
        var all = await inbox.ForAsync(actor, ct);
        _names = await users.NamesAsync(ct);
        TaskKinds = all.Select(t => (t.TaskDefinitionKey, t.Name ?? t.TaskDefinitionKey)).Distinct().OrderBy(k => k.Item2).ToList();
        var today = ZonedTime.LocalDate(time.GetUtcNow(), Reclamations.Web.Shared.FrenchDates.Zone);
        var soon = DueSoonCalendar.AddWorkingDays(today, 2);
        Tasks = all
            .Where(t => string.IsNullOrWhiteSpace(reference) || (t.BusinessKey ?? "").Contains(reference.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(t => string.IsNullOrEmpty(task) || t.TaskDefinitionKey == task)
            .Select(t => new Row(t, Urgency(t, time.GetUtcNow(), soon)))
            .ToList();
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken ct)
    {
        await engine.ClaimTaskAsync(id, HttpContext.GetActor(), ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnclaimAsync(Guid id, CancellationToken ct)
    {
        await engine.UnclaimTaskAsync(id, HttpContext.GetActor(), ct);
        return RedirectToPage();
    }

    private static string Urgency(TaskInfo task, DateTimeOffset now, DateOnly soon) => task.DueDate switch
    {
        null => "",
        { } due when due < now => "overdue",
        { } due when ZonedTime.LocalDate(due, Reclamations.Web.Shared.FrenchDates.Zone) <= soon => "soon",
        _ => "",
    };

    public sealed record Row(TaskInfo Task, string Urgency);
}
