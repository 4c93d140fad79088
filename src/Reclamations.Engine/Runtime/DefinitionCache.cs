using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Parsed models by definition id (definitions are immutable once deployed, so caching is safe on every node).</summary>
internal sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<string, ProcessModel> _models = new(StringComparer.Ordinal);

    public void Add(string definitionId, ProcessModel model) => _models[definitionId] = model;

    public async Task<ProcessModel> GetModelAsync(EngineDbContext db, string definitionId, CancellationToken ct)
    {
        if (_models.TryGetValue(definitionId, out var model)) return model;
        var definition = await db.ProcessDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, ct)
            ?? throw new NotFoundException($"Process definition '{definitionId}' does not exist.");
        model = BpmnParser.Parse(definition.Xml, BpmnLimits.Stored).Single(p => p.Id == definition.Key);
        return _models.GetOrAdd(definitionId, model);
    }

    private static readonly Func<EngineDbContext, string, CancellationToken, Task<ProcessDefinitionEntity?>> Latest =
        EF.CompileAsyncQuery((EngineDbContext db, string key, CancellationToken _) =>
            db.ProcessDefinitions.AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefault());

    /// <summary>How long a latest version read from the database is reused (milliseconds of <see cref="Environment.TickCount64"/>,
    /// not the injected clock: tests move that by months).</summary>
    public const long LatestLifetimeMs = 2_000;

    private readonly ConcurrentDictionary<string, (ProcessDefinitionEntity Definition, long ReadAt)> _latest = new(StringComparer.Ordinal);

    /// <summary>The latest version of a key. A version read from the database is reused for <see cref="LatestLifetimeMs"/>;
    /// a deployment on this node replaces it at once (<see cref="ForgetLatest"/>), so this node always starts what it
    /// deployed. Another node's deployment is seen at most <see cref="LatestLifetimeMs"/> (2 s) after it committed: until
    /// then this node may still start the previous version (a complete, valid version, as it would have a moment before
    /// the deployment). A key that is not deployed is not remembered. The entity is shared: read it, do not change it.</summary>
    public async Task<ProcessDefinitionEntity?> GetLatestAsync(EngineDbContext db, string key, CancellationToken ct)
    {
        var now = Environment.TickCount64;
        if (_latest.TryGetValue(key, out var cached) && now - cached.ReadAt < LatestLifetimeMs) return cached.Definition;
        var definition = await Latest(db, key, ct);
        if (definition is null) _latest.TryRemove(key, out _);
        else _latest[key] = (definition, now);
        return definition;
    }

    /// <summary>A new version of <paramref name="key"/> is being deployed by this node: the next start reads it.</summary>
    public void ForgetLatest(string key) => _latest.TryRemove(key, out _);
}
