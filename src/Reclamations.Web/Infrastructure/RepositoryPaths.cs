namespace Reclamations.Web.Infrastructure;

/// <summary>Finds the repository's folders (workflows/, templates/) whether the app runs from the repo root,
/// from its project folder or from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string? Find(string folderName, params string[] startPoints)
    {
        foreach (var start in startPoints)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, folderName);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
