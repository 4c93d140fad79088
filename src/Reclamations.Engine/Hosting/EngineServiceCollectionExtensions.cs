using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reclamations.Engine.Expressions;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Runtime;

namespace Reclamations.Engine.Hosting;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Adds the engine on the given database. <see cref="TimeProvider"/> defaults to the system clock.</summary>
    public static EngineBuilder AddProcessEngine(this IServiceCollection services, Action<DbContextOptionsBuilder> database,
        Action<EngineOptions>? configure = null)
    {
        var functions = new ExpressionFunctionRegistry();
        services.AddOptions<EngineOptions>().Configure(o => configure?.Invoke(o)).PostConfigure<IServiceProvider>((o, sp) =>
        {
            if (string.IsNullOrWhiteSpace(o.NodeId))
                o.NodeId = NodeIdentity.Default(sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory);
        });
        services.AddPooledDbContextFactory<EngineDbContext>(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(functions);
        services.AddSingleton<EngineRuntime>();
        services.AddSingleton<CommandExecutor>();
        services.AddSingleton(sp => new ProcessEngine(
            sp.GetRequiredService<IDbContextFactory<EngineDbContext>>(), sp.GetRequiredService<EngineRuntime>(),
            sp.GetRequiredService<CommandExecutor>(), sp.GetRequiredService<ILogger<ProcessEngine>>()));
        services.AddHostedService<JobExecutorService>();
        services.AddHostedService<HistoryCleanupService>();
        return new EngineBuilder(services, functions);
    }
}
