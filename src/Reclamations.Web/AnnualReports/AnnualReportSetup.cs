using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting.Annual;
using Reclamations.Domain.Reporting.RootCauses;

namespace Reclamations.Web.AnnualReports;

/// <summary>The root-cause analysis and the annual documents' services, in the firm's time zone (<c>Firm:TimeZoneId</c>).</summary>
public static class AnnualReportSetup
{
    public static WebApplicationBuilder AddAnnualReports(this WebApplicationBuilder builder)
    {
        var options = new RegisterOptions
        {
            TimeZoneId = builder.Configuration["Firm:TimeZoneId"] ?? builder.Configuration["Engine:TimeZone"] ?? "Europe/Paris",
        };
        var services = builder.Services;
        services.AddSingleton<RootCauseCatalog>();
        services.AddSingleton(sp => new RootCauseAnalysis(sp.GetRequiredService<IDbContextFactory<DomainDbContext>>(),
            sp.GetRequiredService<RootCauseCatalog>(), options));
        services.AddSingleton(sp => new AnnualReporting(sp.GetRequiredService<IDbContextFactory<DomainDbContext>>(),
            sp.GetRequiredService<DeadlineProfileStore>(), sp.GetRequiredService<TimeProvider>(), options));
        services.AddSingleton<AnnualDocumentStore>();
        services.AddSingleton<AnnualAnalysisStore>();
        services.AddSingleton<AnnualDocumentGenerator>();
        return builder;
    }
}
