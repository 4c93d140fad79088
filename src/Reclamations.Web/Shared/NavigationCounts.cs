using Reclamations.Web.Inbox;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Shared;

/// <summary>The counts shown in the navigation (tasks in the inbox), read from the request's inbox (computed once per request).</summary>
public sealed class NavigationCounts(TaskInbox inbox)
{
    public async Task<Counts> ForAsync(HttpContext http) =>
        new((await inbox.ForAsync(http.GetActor(), http.RequestAborted)).Count);

    public sealed record Counts(int Tasks);
}
