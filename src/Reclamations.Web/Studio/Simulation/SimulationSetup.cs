namespace Reclamations.Web.Studio.Simulation;

/// <summary>Registers the simulations' factory and registry (a singleton: the sandboxes are disposed with the app).</summary>
public static class SimulationSetup
{
    public static WebApplicationBuilder AddSimulation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(SimulationOptions.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<SimulationSandboxes>();
        return builder;
    }
}
