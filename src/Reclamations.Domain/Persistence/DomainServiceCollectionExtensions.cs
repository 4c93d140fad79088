using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Persistence;

public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// Adds the domain store on the SQLite file (the engine's) and its services: register, deadline
    /// profiles, documents under <paramref name="dataDirectory"/>, EF outbox. Call
    /// <see cref="DomainDb.MigrateAsync"/> at start-up. <see cref="TimeProvider"/> defaults to the system clock. The audit
    /// rows are sealed with <paramref name="auditChain"/>, else with an <see cref="AuditChain"/> registered meanwhile.
    /// </summary>
    public static IServiceCollection AddDomainStore(this IServiceCollection services, string connectionString, string dataDirectory,
        RegisterOptions? registerOptions = null, AuditChain? auditChain = null)
    {
        if (auditChain is not null) services.AddSingleton(auditChain);
        services.AddPooledDbContextFactory<DomainDbContext>((sp, o) =>
        {
            o.UseDomainSqlite(connectionString);
            if (sp.GetService<AuditChain>() is { } chain) o.UseAuditChain(chain);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(registerOptions ?? new RegisterOptions());
        services.AddSingleton(new DocumentStoreOptions { DataDirectory = dataDirectory });
        services.AddSingleton<ComplaintRegister>();
        services.AddSingleton<Reporting.DashboardQuery>();
        services.AddSingleton<CategoryCatalog>();
        services.AddSingleton<Reporting.RootCauses.RootCauseCatalog>();
        services.AddSingleton<Reporting.RootCauses.RootCauseAnalysis>();
        services.AddSingleton<Reporting.Annual.AnnualReporting>();
        services.AddSingleton<Reporting.Annual.AnnualDocumentStore>();
        services.AddSingleton<Reporting.Annual.AnnualAnalysisStore>();
        services.AddSingleton<DeadlineProfileStore>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<IOutboxStore, EfOutboxStore>();
        return services;
    }
}
