using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Hosting;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Complaints;

/// <summary>Hosts the domain: register, documents, profiles, letters, mail outbox, and the workflow handlers on the engine.</summary>
public static class DomainSetup
{
    public static WebApplicationBuilder AddReclamationsDomain(this WebApplicationBuilder builder, EngineBuilder engine, string connectionString)
    {
        builder.Services.AddReclamationsDomain(engine, builder.Configuration, builder.Environment, connectionString);
        return builder;
    }

    /// <summary>The domain's registrations on any service collection: the app's, and a simulation sandbox's (its own
    /// configuration, <see cref="Reclamations.Web.Studio.Simulation.SandboxComposition"/>).</summary>
    public static IServiceCollection AddReclamationsDomain(this IServiceCollection services, EngineBuilder engine, IConfiguration config,
        IHostEnvironment environment, string connectionString)
    {
        var contentRoot = environment.ContentRootPath;
        var mail = MailOptions.FromConfiguration(WithDefaults(config));
        mail = mail with { DataDirectory = Path.GetFullPath(Path.Combine(contentRoot, mail.DataDirectory)) };
        var firm = FirmFrom(config);
        var templates = config["Templates:Directory"] ?? RepositoryPaths.Find("templates", contentRoot, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("No templates folder found (set Templates:Directory).");
        var catalog = new DeadlineProfileCatalog();

        services.AddPooledDbContextFactory<DomainDbContext>((sp, o) => o.UseDomainSqlite(connectionString).UseAuditChain(sp.GetRequiredService<AuditChain>()));
        services.AddSingleton(catalog);
        services.AddSingleton(mail);
        services.AddSingleton(firm);
        services.AddSingleton(MediatorSettings.Default);
        services.AddSingleton(new LetterReleaseOptions(RequireCompleteIdentity: !environment.IsDevelopment()));
        services.AddSingleton<LetterSettingsStore>();
        services.AddSingleton<IPersonDirectory, Accounts.IdentityPersonDirectory>();
        services.AddSingleton<IMailFailureListener, LetterFailureTasks>();
        services.AddSingleton(new NotificationSettings(config.GetSection("Notifications").GetChildren()
            .Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!)));
        services.AddSingleton(_ => LetterTemplateStore.LoadFromDirectory(templates));
        services.AddSingleton<LetterRenderer>();
        services.AddSingleton<LetterTemplateCatalog>();
        services.AddSingleton<Reclamations.Domain.Templates.TemplateEditor>();
        services.AddSingleton<LetterWriter>();
        services.AddSingleton<LetterDesk>();
        services.AddSingleton(sp => new ComplaintRegister(sp.GetRequiredService<IDbContextFactory<DomainDbContext>>(),
            sp.GetRequiredService<TimeProvider>(), new RegisterOptions { TimeZoneId = firm.TimeZoneId }));
        services.AddSingleton(sp => new Reclamations.Domain.Reporting.DashboardQuery(sp.GetRequiredService<IDbContextFactory<DomainDbContext>>(),
            sp.GetRequiredService<TimeProvider>(), new RegisterOptions { TimeZoneId = firm.TimeZoneId }));
        services.AddSingleton<CategoryCatalog>();
        services.AddSingleton(new DocumentStoreOptions
        {
            DataDirectory = mail.DataDirectory, MaxSizeBytes = MaxDocumentBytes(config),
        });
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<DeadlineProfileStore>();
        services.AddSingleton<ComplaintService>();
        services.AddSingleton<IOutboxStore, EfOutboxStore>();
        services.AddSingleton<Reclamations.Domain.Settings.SmtpSettingsStore>();
        services.AddSingleton<Reclamations.Domain.Settings.NotificationAddressStore>();
        // The SMTP server stored in the studio's settings when there is one, the configuration's otherwise.
        services.AddSingleton<IMailTransport, Reclamations.Domain.Settings.StoredSettingsMailTransport>();
        services.AddSingleton(OutboxRetryPolicy.Default);
        services.AddSingleton<MailOutbox>();
        services.AddHostedService<OutboxWorker>();
        engine.AddComplaintWorkflow(catalog);
        return services;
    }

    /// <summary>Migrates the domain store, seeds the firm's identity from the configuration at first start, loads the deadline
    /// profiles in force, and (Development) registers demo complaints.</summary>
    public static async Task PrepareDomainAsync(this WebApplication app)
    {
        var services = app.Services;
        await PrepareDomainStoreAsync(services);
        if (app.Configuration.GetValue("DemoData", app.Environment.IsDevelopment()))
            await DemoData.EnsureAsync(services, app.Logger);
    }

    /// <summary>Migrates the domain store of <paramref name="services"/> (the app's or a sandbox's), seeds the firm's identity at
    /// first start and loads the deadline profiles in force.</summary>
    public static async Task PrepareDomainStoreAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await DomainDb.MigrateAsync(services.GetRequiredService<IDbContextFactory<DomainDbContext>>(), services.GetRequiredService<TimeProvider>(), ct);
        await services.GetRequiredService<LetterSettingsStore>().EnsureSeededAsync(ct);
        services.GetRequiredService<DeadlineProfileCatalog>().Replace(await services.GetRequiredService<DeadlineProfileStore>().ListAsync(ct));
        // The dashboard's counts: built now after the migration that adds them (or a change of the firm's zone), not by the first dashboard.
        if (services.GetService<Reclamations.Domain.Reporting.DashboardQuery>() is { } dashboard) await dashboard.PrepareCountsAsync(ct);
    }

    /// <summary><c>Storage:MaxDocumentBytes</c>: the largest document a case file accepts (default 20 MB).</summary>
    private static long MaxDocumentBytes(IConfiguration config)
    {
        var bytes = config.GetValue("Storage:MaxDocumentBytes", DocumentStoreOptions.DefaultMaxSizeBytes);
        return bytes > 0 ? bytes : throw new InvalidOperationException($"Storage:MaxDocumentBytes must be positive (got {bytes}).");
    }

    /// <summary>A sender address by default, so the embedded set-up needs no configuration.</summary>
    private static IConfiguration WithDefaults(IConfiguration config) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:From"] = "reclamations@cabinet-exemple.fr" })
            .AddConfiguration(config)
            .Build();

    /// <summary>The firm's identity of the configuration (<c>Firm:*</c>), seeded into the database at first start; a key left out
    /// takes the shipped placeholder (<see cref="FirmIdentityCheck.Placeholder"/>), which no letter may carry outside
    /// Development. <c>Firm:Address</c> is an array of lines, or one text with lines separated by commas.</summary>
    private static FirmSettings FirmFrom(IConfiguration config)
    {
        var section = config.GetSection("Firm");
        var placeholder = FirmIdentityCheck.Placeholder;
        var address = section.GetSection("Address").GetChildren().Select(c => c.Value ?? "").Where(v => v.Length > 0).ToList();
        if (address.Count == 0 && section["Address"] is { Length: > 0 } text)
            address = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return new FirmSettings(
            section["Name"] ?? placeholder.Name,
            address.Count > 0 ? address : placeholder.Address,
            section["OriasNumber"] ?? placeholder.OriasNumber,
            section["RegistrationNumber"],
            section["ComplaintsContactName"] ?? placeholder.ComplaintsContactName,
            section["ComplaintsContactEmail"] ?? placeholder.ComplaintsContactEmail,
            section["Phone"] ?? placeholder.Phone,
            section["TimeZoneId"] ?? config["Engine:TimeZone"] ?? "Europe/Paris")
        {
            ComplaintsContactTitle = section["ComplaintsContactTitle"] ?? placeholder.ComplaintsContactTitle,
        };
    }
}
