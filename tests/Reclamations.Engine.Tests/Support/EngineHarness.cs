using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Reclamations.Engine.Api;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Hosting;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Runtime;

namespace Reclamations.Engine.Tests.Support;

/// <summary>A real engine on a real SQLite file in a temp folder, with a fake clock and scripted handlers.
/// <see cref="RestartAsync"/> drops every in-memory object and opens the same file again, as a new process would.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    public static readonly string[] Topics = ["work", "send-mail", "notify", "check", "a", "b", "c", "d", "e"];

    private readonly string _folder;
    private readonly Action<EngineBuilder>? _configure;
    private readonly Action<EngineOptions>? _options;
    private ServiceProvider _services = null!;

    private EngineHarness(Action<EngineBuilder>? configure, Action<EngineOptions>? options)
    {
        _options = options;
        _folder = Path.Combine(Path.GetTempPath(), "reclamations-engine-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _configure = configure;
    }

    public FakeTimeProvider Clock { get; } = new(Epoch);
    public HandlerScript Script { get; } = new();
    public ProcessEngine Engine { get; private set; } = null!;
    public string DatabasePath => Path.Combine(_folder, "engine.db");
    public IServiceProvider Services => _services;

    /// <summary>The node's id is "test-node"; <paramref name="options"/> adjusts its engine options (lock duration...).</summary>
    public static async Task<EngineHarness> StartAsync(Action<EngineBuilder>? configure = null, Action<EngineOptions>? options = null)
    {
        var harness = new EngineHarness(configure, options);
        await harness.OpenAsync();
        return harness;
    }

    private async Task OpenAsync()
    {
        _services = BuildServices("test-node", _options, null);
        await EngineDatabase.MigrateAsync(_services.GetRequiredService<IDbContextFactory<EngineDbContext>>());
        Engine = _services.GetRequiredService<ProcessEngine>();
    }

    private ServiceProvider BuildServices(string nodeId, Action<EngineOptions>? options, IInterceptor? interceptor)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Script);
        var builder = services.AddProcessEngine(db =>
        {
            db.UseEngineSqlite($"Data Source={DatabasePath}");
            if (interceptor is not null) db.AddInterceptors(interceptor);
        }, o =>
        {
            o.RunJobExecutor = false;
            o.NodeId = nodeId;
            options?.Invoke(o);
        });
        foreach (var topic in Topics) builder.AddServiceTaskHandler<RecordingHandler>(topic);
        _configure?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    /// <summary>A second node: its own engine (caches, write gate, node id) on the same database file, same clock and script;
    /// <paramref name="interceptor"/> sees its database commands. Dispose it before the harness.</summary>
    public SecondNode OpenSecondNode(string nodeId = "second-node", Action<EngineOptions>? options = null, IInterceptor? interceptor = null)
    {
        var services = BuildServices(nodeId, options, interceptor);
        return new SecondNode(services, services.GetRequiredService<ProcessEngine>());
    }

    /// <summary>A new DbContext on the database file, for tests that inspect or tamper with rows directly.</summary>
    public EngineDbContext OpenDb() => _services.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContext();

    /// <summary>Throws away the engine and its caches and opens the same database file again.</summary>
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        await OpenAsync();
    }

    public async Task<DeployedDefinition> DeployAsync(string xml, string name = "test.bpmn") =>
        (await Engine.DeployAsync([new BpmnResource(name, xml)])).Single();

    public Task<ProcessInstanceInfo> StartAsync(string key, IReadOnlyDictionary<string, object?>? variables = null, string? businessKey = null) =>
        Engine.StartProcessAsync(key, businessKey, variables, Actor.System);

    public Task<ProcessInstanceInfo> InstanceAsync(Guid id) => Engine.GetProcessInstanceAsync(id, Actor.System);

    public Task<IReadOnlyList<TaskInfo>> TasksAsync(Guid instanceId) => Engine.QueryTasksAsync(new TaskQuery(ProcessInstanceId: instanceId), Actor.System);

    public async Task<TaskInfo> SingleTaskAsync(Guid instanceId, string? key = null)
    {
        var tasks = await TasksAsync(instanceId);
        return key is null ? tasks.Should().ContainSingle().Subject : tasks.Should().ContainSingle(t => t.TaskDefinitionKey == key).Subject;
    }

    /// <summary>Completes the single open task with key <paramref name="key"/>, as <paramref name="actor"/> (default: the engine
    /// itself, which the authorisation rules let through; the form contract holds for it too).</summary>
    public async Task CompleteAsync(Guid instanceId, string key, IReadOnlyDictionary<string, object?>? variables = null, Actor? actor = null)
    {
        var task = await SingleTaskAsync(instanceId, key);
        await Engine.CompleteTaskAsync(task.Id, variables, actor ?? Actor.System);
    }

    /// <summary>Moves the fake clock and runs every job then due (as the executor would).</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await Engine.ExecuteDueJobsAsync();
    }

    public Task<int> RunJobsAsync() => Engine.ExecuteDueJobsAsync();

    public async Task<IReadOnlyList<string>> HistoryAsync(Guid instanceId, string eventType) =>
        (await Engine.GetHistoryAsync(instanceId, Actor.System)).Where(h => h.EventType == eventType).Select(h => h.ActivityId ?? "").ToList();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Another engine on the harness's database file (see <see cref="EngineHarness.OpenSecondNode"/>).</summary>
internal sealed class SecondNode(ServiceProvider services, ProcessEngine engine) : IAsyncDisposable
{
    public ProcessEngine Engine { get; } = engine;
    public IServiceProvider Services => services;

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

internal static class Vars
{
    public static Dictionary<string, object?> Of(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
