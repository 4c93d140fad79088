using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Persistence;

public sealed class DomainServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_domain_services_resolve_and_work_on_the_file()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(database.Clock);
        services.AddDomainStore(database.ConnectionString, Path.Combine(database.Folder, "data"), auditChain: DomainDatabase.AuditChain);
        await using var provider = services.BuildServiceProvider();
        await DomainDb.MigrateAsync(provider.GetRequiredService<IDbContextFactory<DomainDbContext>>(), database.Clock);

        var complaint = await provider.GetRequiredService<ComplaintRegister>().RegisterAsync(Complaints.Valid(), "sophie");
        await provider.GetRequiredService<DocumentStore>().AddAsync(
            complaint.Id, DocumentKind.OriginalLetter, "lettre.txt", "text/plain", new MemoryStream([1, 2, 3]), "sophie");

        complaint.Reference.Should().Be("REC-2026-00001");
        (await provider.GetRequiredService<DeadlineProfileStore>().ListAsync()).Should().HaveCount(2);
        provider.GetRequiredService<IOutboxStore>().Should().BeOfType<EfOutboxStore>();
    }
}
