using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Letters;

namespace Reclamations.Web.Accounts;

/// <summary>The domain's <see cref="IPersonDirectory"/> over Identity: a user's display name and function (job title), as
/// letters print them. Read on its own connection (SQLite WAL: a read never waits for the engine step that asks).</summary>
public sealed class IdentityPersonDirectory(IServiceScopeFactory scopes) : IPersonDirectory
{
    public LetterPerson? Find(string userId)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        return db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new LetterPerson(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, u.JobTitle))
            .FirstOrDefault();
    }
}
