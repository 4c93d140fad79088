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
        model = BpmnParser.Parse(definition.Xml).Single(p => p.Id == definition.Key);
        return _models.GetOrAdd(definitionId, model);
    }

    private static readonly Func<EngineDbContext, string, CancellationToken, Task<ProcessDefinitionEntity?>> Latest =
        EF.CompileAsyncQuery((EngineDbContext db, string key, CancellationToken _) =>
            db.ProcessDefinitions.AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefault());

    /// <summary>The latest version of a key, read from the database every time (another node may have deployed).</summary>
    public Task<ProcessDefinitionEntity?> GetLatestAsync(EngineDbContext db, string key, CancellationToken ct) => Latest(db, key, ct);
}
