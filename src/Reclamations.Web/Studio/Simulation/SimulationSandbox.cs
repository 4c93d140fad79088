using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;
using Reclamations.Engine.Hosting;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Complaints;

namespace Reclamations.Web.Studio.Simulation;

/// <summary>One simulation: its own engine and domain register on its own SQLite file (<see cref="SandboxComposition"/>),
/// its own manual clock, its letters rendered and kept in its own outbox, never sent. Made by
/// <see cref="SimulationSandboxes.StartAsync"/>; one command at a time; disposing it deletes its folder.</summary>
public sealed class SimulationSandbox : IAsyncDisposable
{
    private const int SettleRounds = 50;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<SimulationAction> _actions = [];
    private readonly List<string> _replayNotes = [];
    private readonly ServiceProvider _services;
    private bool _disposed;

    private SimulationSandbox(Guid id, string owner, string folder, DateTimeOffset createdAt, SimulationSource source,
        SimulationScenario scenario, ServiceProvider services, ManualTimeProvider clock)
    {
        (Id, Owner, Folder, CreatedAt, Source, Scenario, _services, Clock) = (id, owner, folder, createdAt, source, scenario, services, clock);
    }

    public Guid Id { get; }

    /// <summary>The user id of the process owner who started it (only they see it).</summary>
    public string Owner { get; }

    public string Folder { get; }

    /// <summary>When it was made (real time: the lifetime limit counts from here).</summary>
    public DateTimeOffset CreatedAt { get; }

    public SimulationSource Source { get; }

    public SimulationScenario Scenario { get; }

    /// <summary>The sandbox's clock: nothing else moves it, and it moves nothing else.</summary>
    public ManualTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public ProcessEngine Engine => _services.GetRequiredService<ProcessEngine>();

    public Guid ComplaintId { get; private set; }

    public string Reference { get; private set; } = "";

    /// <summary>The sandbox this one runs beside (a side-by-side run), if any.</summary>
    public Guid? PairedWith { get; internal set; }

    public IReadOnlyList<SimulationAction> Actions => _actions;

    /// <summary>What a replay could not do here (a step the other version reached that this one does not have open).</summary>
    public IReadOnlyList<string> ReplayNotes => _replayNotes;

    public bool IsDisposed => _disposed;

    internal static async Task<SimulationSandbox> CreateAsync(IServiceProvider app, string folder, string owner, DateTimeOffset createdAt,
        SimulationSource source, SimulationScenario scenario, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var path = Path.Combine(folder, id.ToString("N"));
        Directory.CreateDirectory(path);
        var clock = new ManualTimeProvider(scenario.StartAt);
        var sandbox = new SimulationSandbox(id, owner, path, createdAt, source, scenario, SandboxComposition.Build(app, id, path, clock), clock);
        try
        {
            await sandbox.InitialiseAsync(app, ct);
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>Schema, the app's settings in force (firm identity, recourse bodies, deadline profiles, categories: read from
    /// the app, written only here), the app's latest version of every process and then the simulated XML (the latest in the
    /// sandbox, so the complaint runs on it and calls the others), and the scenario's complaint registered.</summary>
    private async Task InitialiseAsync(IServiceProvider app, CancellationToken ct)
    {
        await EngineDatabase.MigrateAsync(_services.GetRequiredService<IDbContextFactory<EngineDbContext>>(), ct);
        await DomainSetup.PrepareDomainStoreAsync(_services, ct);
        await CopySettingsAsync(app, ct);

        var appEngine = app.GetRequiredService<ProcessEngine>();
        var resources = new List<BpmnResource>();
        foreach (var definition in await appEngine.GetProcessDefinitionsAsync(latestOnly: true, ct))
            resources.Add(new BpmnResource($"{definition.Key}.bpmn", await appEngine.GetProcessDefinitionXmlAsync(definition.Key, definition.Version, ct)));
        if (resources.Count > 0) await Engine.DeployAsync(resources, Actor.System, "Simulation : versions en service", ct);
        await Engine.DeployAsync([new BpmnResource("simulation.bpmn", Source.Xml)], Actor.System, $"Simulation : {Source.Label}", ct);

        var complaint = await _services.GetRequiredService<ComplaintService>().RegisterAsync(Scenario.Complaint, SimulationActors.Registrar, ct);
        (ComplaintId, Reference) = (complaint.Id, complaint.Reference);
        await SettleAsync(ct);
    }

    private async Task CopySettingsAsync(IServiceProvider app, CancellationToken ct)
    {
        const string user = "simulation";
        var letters = await app.GetRequiredService<LetterSettingsStore>().GetAsync(ct);
        var store = _services.GetRequiredService<LetterSettingsStore>();
        try
        {
            await store.UpdateFirmAsync(letters.Firm, user, ct);
            await store.UpdateRecourseAsync(letters.Recourse, user, ct);
        }
        catch (RegisterValidationException)
        {
            // The app's settings are incomplete: the sandbox keeps the configured ones (its letters say what is missing).
        }
        var profiles = _services.GetRequiredService<DeadlineProfileStore>();
        foreach (var profile in await app.GetRequiredService<DeadlineProfileStore>().ListAsync(ct)) await profiles.SaveAsync(profile, user, ct);
        _services.GetRequiredService<DeadlineProfileCatalog>().Replace(await profiles.ListAsync(ct));
        // The letter templates as edited in the studio (their versions in force), so that the sandbox writes the letters
        // production would write.
        await using (var source = await app.GetRequiredService<IDbContextFactory<DomainDbContext>>().CreateDbContextAsync(ct))
        await using (var target = await _services.GetRequiredService<IDbContextFactory<DomainDbContext>>().CreateDbContextAsync(ct))
        {
            foreach (var version in await source.LetterTemplateVersions.AsNoTracking().OrderBy(v => v.Id).ToListAsync(ct))
                target.LetterTemplateVersions.Add(new LetterTemplateVersion
                {
                    Name = version.Name, Version = version.Version, Body = version.Body, Author = version.Author, At = version.At,
                    Comment = version.Comment,
                });
            await target.SaveChangesAsync(ct);
        }
        var categories = _services.GetRequiredService<CategoryCatalog>();
        var known = (await categories.ListAsync(includeInactive: true, ct)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var c in await app.GetRequiredService<CategoryCatalog>().ListAsync(includeInactive: true, ct))
            if (!known.Contains(c.Code)) await categories.CreateAsync(new CategoryInput(c.Code, c.Label, c.CaaType, c.SortOrder, c.IsActive), user, ct);
    }

    /// <summary>The open tasks of the simulated complaint (every instance: the called ones too).</summary>
    public Task<IReadOnlyList<TaskInfo>> OpenTasksAsync(CancellationToken ct = default) =>
        Engine.QueryTasksAsync(new TaskQuery(BusinessKey: Reference, Take: 100, IncludeAssigned: true), Actor.System, ct);

    /// <summary>Completes an open task of the sandbox with <paramref name="values"/> (its form's fields), as the simulated member
    /// of its groups (<see cref="SimulationActors"/>), then runs what follows until the process waits again. The engine's
    /// refusals (a form error, the independence rules) come out as they would on the task page.</summary>
    public Task CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, object?> values, CancellationToken ct = default) =>
        LockedAsync(async () =>
        {
            var task = await Engine.GetTaskAsync(taskId, Actor.System, ct);
            await Engine.CompleteTaskAsync(taskId, values, SimulationActors.For(task), ct);
            _actions.Add(new SimulationAction(Clock.GetUtcNow(), task.TaskDefinitionKey, values, null));
            await SettleAsync(ct);
        });

    /// <summary>Moves the sandbox's clock, firing every timer due meanwhile in order (<see cref="ClockSimulator"/>). Returns
    /// where it landed; null for « next deadline » when nothing is waiting for a time.</summary>
    public Task<DateTimeOffset?> AdvanceAsync(ClockMove move, CancellationToken ct = default) =>
        LockedAsync(async () =>
        {
            var target = await TargetAsync(move, ct);
            if (target is not { } at) return null;
            await ClockSimulator.AdvanceAsync(Engine, Clock, at, ct);
            _actions.Add(new SimulationAction(Clock.GetUtcNow(), null, null, move));
            await SettleAsync(ct);
            return (DateTimeOffset?)at;
        });

    /// <summary>Where a move lands: working days and months in the complaint's profile calendar, or the next job's due time.</summary>
    public async Task<DateTimeOffset?> TargetAsync(ClockMove move, CancellationToken ct = default)
    {
        var now = Clock.GetUtcNow();
        if (move == ClockMove.NextDeadline)
            return await Engine.NextDueAtAsync(ct) is { } due ? (due > now ? due : now) : null;
        var register = _services.GetRequiredService<ComplaintRegister>();
        await using var db = await register.OpenAsync(ct);
        var profile = await register.ProfileOfAsync(db, ComplaintId, ct);
        return SimulationClockMoves.Target(now, move, profile);
    }

    /// <summary>Does <paramref name="actions"/> again here: each completion on the open task of the same step (with the same
    /// values), each move of the clock; a step not open here is noted and skipped.</summary>
    internal async Task ReplayAsync(IReadOnlyList<SimulationAction> actions, CancellationToken ct)
    {
        foreach (var action in actions)
        {
            if (action.Move is { } move)
            {
                await AdvanceAsync(move, ct);
                continue;
            }
            var task = (await OpenTasksAsync(ct)).FirstOrDefault(t => t.TaskDefinitionKey == action.TaskKey);
            if (task is null)
            {
                _replayNotes.Add($"Étape « {action.TaskKey} » non ouverte ici : action non rejouée.");
                continue;
            }
            try
            {
                await CompleteTaskAsync(task.Id, action.Values ?? new Dictionary<string, object?>(), ct);
            }
            catch (ProcessEngineException e)
            {
                _replayNotes.Add($"Étape « {action.TaskKey} » refusée ici : {e.Message}");
            }
        }
    }

    /// <summary>Runs the jobs due now (asynchronous steps: letters, notifications, called processes).</summary>
    private async Task SettleAsync(CancellationToken ct)
    {
        for (var round = 0; round < SettleRounds && await Engine.ExecuteDueJobsAsync(ct) > 0; round++) { }
    }

    private async Task<T> LockedAsync<T>(Func<Task<T>> work)
    {
        await _gate.WaitAsync();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task LockedAsync(Func<Task> work) => LockedAsync(async () =>
    {
        await work();
        return true;
    });

    /// <summary>Disposes the sandbox's services and deletes its files (SQLite file, WAL, letters' copies).</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed) return;
            _disposed = true;
            await _services.DisposeAsync();
            SqliteConnection.ClearPool(new SqliteConnection($"Data Source={Path.Combine(Folder, "simulation.db")}"));
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
