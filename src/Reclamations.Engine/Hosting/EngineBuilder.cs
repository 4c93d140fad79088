using Microsoft.Extensions.DependencyInjection;
using Reclamations.Engine.Expressions;
using Reclamations.Engine.Handlers;

namespace Reclamations.Engine.Hosting;

/// <summary>Registers what BPMN files may name: service task handlers (by topic), listeners and expression functions.</summary>
public sealed class EngineBuilder(IServiceCollection services, ExpressionFunctionRegistry functions)
{
    public IServiceCollection Services { get; } = services;

    public EngineBuilder AddServiceTaskHandler<T>(string topic) where T : class, IServiceTaskHandler =>
        Add<T>(topic, HandlerKind.ServiceTask);

    public EngineBuilder AddExecutionListener<T>(string name) where T : class, IExecutionListener =>
        Add<T>(name, HandlerKind.ExecutionListener);

    public EngineBuilder AddTaskListener<T>(string name) where T : class, ITaskListener =>
        Add<T>(name, HandlerKind.TaskListener);

    /// <summary>A function callable in <c>${ ... }</c> expressions under <paramref name="name"/>.</summary>
    public EngineBuilder AddFunction(string name, Delegate function)
    {
        functions.Add(name, function);
        return this;
    }

    private EngineBuilder Add<T>(string name, HandlerKind kind) where T : class
    {
        Services.AddScoped<T>();
        Services.AddSingleton(new HandlerRegistration(name, typeof(T), kind));
        return this;
    }
}
