namespace Reclamations.Browser.Tests.Support;

/// <summary>Folders of the repository (workflows/, templates/), found upwards from the test binaries.</summary>
internal static class RepoFolders
{
    public static string Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "ReclamationsWorkflow.sln"))) return candidate;
        }
        throw new DirectoryNotFoundException($"No {name}/ folder above {AppContext.BaseDirectory}.");
    }
}
