using Reclamations.Domain.Mail;

namespace Reclamations.Web.Studio.Simulation;

/// <summary>Limits of the simulations (<c>Studio:Simulation:*</c>).</summary>
public sealed record SimulationOptions
{
    /// <summary>At most this many sandboxes alive at once, all owners together; starting one more disposes the starter's
    /// oldest, and is refused when the starter has none.</summary>
    public int MaxSandboxes { get; init; } = 5;

    /// <summary>A sandbox older than this (real time) is disposed.</summary>
    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The real clock the lifetime is counted on (never the engine's, which a demo may move).</summary>
    public TimeProvider RealTime { get; init; } = TimeProvider.System;

    public static SimulationOptions FromConfiguration(IConfiguration config)
    {
        var section = config.GetSection("Studio:Simulation");
        var options = new SimulationOptions
        {
            MaxSandboxes = section.GetValue("MaxSandboxes", 5),
            MaxLifetime = section.GetValue("MaxLifetime", TimeSpan.FromHours(2)),
        };
        if (options.MaxSandboxes is < 1 or > 50)
            throw new InvalidOperationException($"Studio:Simulation:MaxSandboxes must be between 1 and 50 (got {options.MaxSandboxes}).");
        if (options.MaxLifetime <= TimeSpan.Zero)
            throw new InvalidOperationException($"Studio:Simulation:MaxLifetime must be positive (got {options.MaxLifetime}).");
        return options;
    }
}

/// <summary>The factory and registry of the sandboxes: each made under <c>{Storage:DataDirectory}/simulations/{id}/</c>,
/// at most <see cref="SimulationOptions.MaxSandboxes"/> alive (the starter's oldest disposed first), none older than
/// <see cref="SimulationOptions.MaxLifetime"/> (checked whenever the registry is used), all disposed with the app.</summary>
public sealed class SimulationSandboxes(IServiceProvider app, MailOptions storage, SimulationOptions options) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<SimulationSandbox> _alive = [];

    /// <summary>Where the sandboxes' folders are made.</summary>
    public string Folder { get; } = Path.Combine(storage.DataDirectory, "simulations");

    public SimulationOptions Options => options;

    /// <summary>Runs <paramref name="source"/> (a deployed version's XML or a draft's) on <paramref name="scenario"/> in a new
    /// sandbox of <paramref name="owner"/>. A BPMN the engine refuses throws its validation error and leaves no sandbox.</summary>
    public async Task<SimulationSandbox> StartAsync(string owner, SimulationSource source, SimulationScenario scenario, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scenario);
        await ExpireAsync();
        // When full, one more disposes the oldest of the same owner: nobody's simulation goes because someone else starts one.
        SimulationSandbox? evicted = null;
        lock (_gate)
        {
            if (_alive.Count >= options.MaxSandboxes)
            {
                evicted = _alive.Where(s => s.Owner == owner).OrderBy(s => s.CreatedAt).FirstOrDefault()
                          ?? throw new Pages.SimulationInputException(
                              $"{options.MaxSandboxes} simulations sont déjà en cours chez d'autres utilisateurs : réessayez quand l'une d'elles aura pris fin.");
                _alive.Remove(evicted);
            }
        }
        if (evicted is not null) await evicted.DisposeAsync();
        var sandbox = await SimulationSandbox.CreateAsync(app, Folder, owner, options.RealTime.GetUtcNow(), source, scenario, ct);
        lock (_gate) _alive.Add(sandbox);
        return sandbox;
    }

    /// <summary>A side-by-side run: <paramref name="other"/> on the scenario of <paramref name="first"/>, its actions replayed.</summary>
    public async Task<SimulationSandbox> CompareAsync(SimulationSandbox first, SimulationSource other, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(first);
        var second = await StartAsync(first.Owner, other, first.Scenario, ct);
        await second.ReplayAsync(first.Actions, ct);
        second.PairedWith = first.Id;
        first.PairedWith = second.Id;
        return second;
    }

    /// <summary>The owner's sandbox; null when unknown, expired, disposed or someone else's.</summary>
    public async Task<SimulationSandbox?> FindAsync(Guid id, string owner)
    {
        await ExpireAsync();
        lock (_gate) return _alive.FirstOrDefault(s => s.Id == id && s.Owner == owner);
    }

    /// <summary>The owner's sandboxes alive, newest first.</summary>
    public async Task<IReadOnlyList<SimulationSandbox>> ListAsync(string owner)
    {
        await ExpireAsync();
        lock (_gate) return _alive.Where(s => s.Owner == owner).OrderByDescending(s => s.CreatedAt).ToList();
    }

    /// <summary>How many sandboxes are alive (every owner).</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _alive.Count;
        }
    }

    public async Task RemoveAsync(SimulationSandbox sandbox)
    {
        lock (_gate) _alive.Remove(sandbox);
        await sandbox.DisposeAsync();
    }

    /// <summary>Disposes the sandboxes past their lifetime.</summary>
    public async Task ExpireAsync()
    {
        var now = options.RealTime.GetUtcNow();
        List<SimulationSandbox> expired;
        lock (_gate)
        {
            expired = _alive.Where(s => now - s.CreatedAt >= options.MaxLifetime).ToList();
            foreach (var s in expired) _alive.Remove(s);
        }
        foreach (var s in expired) await s.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        List<SimulationSandbox> all;
        lock (_gate)
        {
            all = [.. _alive];
            _alive.Clear();
        }
        foreach (var s in all) await s.DisposeAsync();
    }
}
