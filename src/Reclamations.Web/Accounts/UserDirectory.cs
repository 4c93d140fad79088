using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Reclamations.Web.Accounts;

/// <summary>The firm's people as the pages show them: display names by user id, and the active users of a role (pickers).</summary>
public sealed class UserDirectory(AccountsDbContext db, UserManager<AppUser> users)
{
    public sealed record Person(string Id, string DisplayName, string? JobTitle, string Email);

    /// <summary>Display names by user id ("system" shown as the process).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken ct = default)
    {
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var map = names.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName);
        map[Reclamations.Engine.Api.Actor.SystemId] = "processus";
        return map;
    }

    /// <summary>Every active person of the firm, by name.</summary>
    public async Task<IReadOnlyList<Person>> ActiveAsync(CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new Person(u.Id, u.DisplayName, u.JobTitle, u.Email ?? "")).ToListAsync(ct);

    public async Task<IReadOnlyList<Person>> InRoleAsync(string role) =>
        (await users.GetUsersInRoleAsync(role)).Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new Person(u.Id, u.DisplayName, u.JobTitle, u.Email ?? "")).ToList();
}
