using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Notifications;
using Reclamations.Web.Accounts;

namespace Reclamations.Web.Inbox;

/// <summary>One digest run (scoped): the recipients are the active users with an e-mail address who did not opt out
/// (<see cref="AppUser.TaskDigestOptOut"/>), each with their roles as the engine's groups; the domain's
/// <see cref="TaskDigestMailer"/> does the rest.</summary>
public sealed class TaskDigestRun(AccountsDbContext accounts, TaskDigestMailer mailer)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var users = await accounts.Users.AsNoTracking()
            .Where(u => u.IsActive && !u.TaskDigestOptOut && u.Email != null && u.Email != "")
            .OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .ToListAsync(ct);
        var roles = (await (from link in accounts.UserRoles
                            join role in accounts.Roles on link.RoleId equals role.Id
                            select new { link.UserId, role.Name }).AsNoTracking().ToListAsync(ct))
            .Where(r => r.Name is not null)
            .ToLookup(r => r.UserId, r => r.Name!);
        var recipients = users.Where(u => !Reclamations.Engine.Api.Actor.IsReserved(u.Id))
            .Select(u => new DigestRecipient(u.Id, u.Email!, u.DisplayName, roles[u.Id].ToList()))
            .Where(r => r.Groups.Count > 0)
            .ToList();
        return await mailer.RunAsync(recipients, ct);
    }
}
