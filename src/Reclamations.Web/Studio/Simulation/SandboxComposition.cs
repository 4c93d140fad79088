using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Mail;
using Reclamations.Engine.Hosting;
using Reclamations.Web.Complaints;
using Reclamations.Web.Engine;

namespace Reclamations.Web.Studio.Simulation;

/// <summary>The service provider of one simulation: the app's own engine and domain registrations
/// (<see cref="EngineSetup.AddReclamationsEngine(IServiceCollection, IConfiguration, IHostEnvironment, out string)"/>,
/// <see cref="DomainSetup.AddReclamationsDomain(IServiceCollection, EngineBuilder, IConfiguration, IHostEnvironment, string)"/>)
/// on a configuration that differs only where a sandbox must: its SQLite file and data folder under
/// <c>{Storage:DataDirectory}/simulations/{id}/</c>, its node id, no job executor. Then four replacements, nothing else:
/// its own manual clock, a mail transport that sends nothing (the outbox rows stay in the sandbox's file), an audit key of
/// its own, the firm's people read from the app's directory (names and functions on letters); and no hosted service at
/// all: the sandbox runs the jobs itself when it moves its clock.</summary>
public static class SandboxComposition
{
    public static ServiceProvider Build(IServiceProvider app, Guid id, string folder, ManualTimeProvider clock)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reclamations"] = $"Data Source={Path.Combine(folder, "simulation.db")}",
            ["Storage:DataDirectory"] = folder,
            ["Database:Provider"] = "Sqlite",
            ["Engine:Clock"] = "Manual",
            ["Engine:RunJobExecutor"] = "false",
            ["Engine:NodeId"] = $"simulation-{id:N}",
            ["Engine:HistoryCleanupWindow"] = "",
            ["Mail:Smtp:Host"] = "",
            ["Mail:RunOutboxWorker"] = "false",
        };
        var config = new ConfigurationBuilder()
            .AddConfiguration(app.GetRequiredService<IConfiguration>())
            .AddInMemoryCollection(settings)
            .Build();
        var environment = app.GetRequiredService<IHostEnvironment>();

        var services = new ServiceCollection();
        services.AddLogging();
        services.Replace(ServiceDescriptor.Singleton(app.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton(environment);
        var engine = services.AddReclamationsEngine(config, environment, out _);
        services.AddReclamationsDomain(engine, config, environment, config.GetConnectionString("Reclamations")!);

        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        services.Replace(ServiceDescriptor.Singleton<IMailTransport>(new SandboxMailTransport()));
        services.Replace(ServiceDescriptor.Singleton(new AuditChain(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)))));
        services.Replace(ServiceDescriptor.Singleton(app.GetRequiredService<IPersonDirectory>()));
        services.RemoveAll<IHostedService>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
    }

    /// <summary>A simulation renders and keeps its letters; it never sends one (nothing in a sandbox runs the outbox: this
    /// transport is the guard).</summary>
    private sealed class SandboxMailTransport : IMailTransport
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Une simulation n'envoie aucun courrier.");
    }
}
