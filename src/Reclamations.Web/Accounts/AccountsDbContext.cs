using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Reclamations.Web.Accounts;

/// <summary>ASP.NET Core Identity's tables, in the same database as the engine and the register, with their own
/// migrations history table.</summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public const string MigrationsHistoryTable = "__AccountsMigrationsHistory";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.Property(x => x.JobTitle).HasMaxLength(200);
        });
    }
}
