namespace Reclamations.Engine.Api;

/// <summary>Where deployed resources come from, recorded on each version (<c>ProcessDefinitions.Source</c>).</summary>
public enum DeploymentSource
{
    /// <summary>Through the API (or the studio): a changed file is deployed as the next version. Recorded as "api".</summary>
    Api,

    /// <summary>The files of the workflows folder at start-up, each recorded as "file:&lt;name&gt;": a file is deployed when it
    /// differs from the last version deployed from that same file, unless the key has a later version deployed through the
    /// API, which a file never replaces (the file is then skipped with a warning naming both versions).</summary>
    Files,
}
