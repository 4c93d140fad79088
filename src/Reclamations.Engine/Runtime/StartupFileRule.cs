using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Api;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Start-up deployment of a workflows file (<see cref="DeploymentSource.Files"/>): the file is compared with the last
/// version deployed from that same file, and never replaces a later version deployed through the API.</summary>
internal static class StartupFileRule
{
    /// <summary>The version that stays (the file is not deployed), or null when the file makes a new version.</summary>
    public static async Task<DeployedDefinition?> KeepAsync(EngineDbContext db, string key, string origin, string fileName, string hash,
        ProcessDefinitionEntity? latest, CancellationToken ct)
    {
        if (latest is null) return null;
        var fromFile = await db.ProcessDefinitions.AsNoTracking().Where(d => d.Key == key && d.Source == origin)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (fromFile is not null && fromFile.XmlHash == hash) return Unchanged(fromFile);
        var fromApi = await db.ProcessDefinitions.AsNoTracking()
            .Where(d => d.Key == key && !d.Source.StartsWith(ProcessDefinitionEntity.FileSourcePrefix))
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        if (fromApi is null || fromApi.Version < (fromFile?.Version ?? 0)) return null;
        if (latest.XmlHash == hash) return Unchanged(latest);
        var fileVersion = fromFile is null ? "no version deployed from this file yet" : $"version {fromFile.Version} was its last deployment";
        var reason = $"Workflow file '{fileName}' changed but was not deployed: process '{key}' has version {fromApi.Version} "
                     + $"deployed through the API, later than the file ({fileVersion}). Deploy the file through the API to replace "
                     + $"version {latest.Version}.";
        return new DeployedDefinition(latest.Id, latest.Key, latest.Version, latest.Name, false, reason);
    }

    private static DeployedDefinition Unchanged(ProcessDefinitionEntity definition) =>
        new(definition.Id, definition.Key, definition.Version, definition.Name, false);
}
