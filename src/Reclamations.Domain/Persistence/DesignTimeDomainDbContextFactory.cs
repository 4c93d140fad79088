using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Reclamations.Domain.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the web host.</summary>
internal sealed class DesignTimeDomainDbContextFactory : IDesignTimeDbContextFactory<DomainDbContext>
{
    public DomainDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DomainDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(DomainDbContext.MigrationsHistoryTable))
            .Options);
}
