namespace Reclamations.Engine.Persistence;

/// <summary>One deployed version of a process (its XML kept verbatim).</summary>
public sealed class ProcessDefinitionEntity
{
    public required string Id { get; set; }          // "{key}:{version}"
    public required string Key { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? ResourceName { get; set; }
    public required string Xml { get; set; }
    public required string XmlHash { get; set; }     // SHA-256 of the file, to skip unchanged redeployments
    public DateTimeOffset DeployedAt { get; set; }

    /// <summary>Where this version came from: "api" (the API or the studio) or "file:{name}" (start-up deployment of the
    /// workflows folder). Versions deployed before this was recorded count as "api".</summary>
    public string Source { get; set; } = ApiSource;

    /// <summary>Who deployed this version ("system" for the start-up deployment of the workflows folder).</summary>
    public string? DeployedBy { get; set; }

    /// <summary>The deployer's comment (what changed and why), when given.</summary>
    public string? Comment { get; set; }

    public const string ApiSource = "api";
    public const string FileSourcePrefix = "file:";
}
