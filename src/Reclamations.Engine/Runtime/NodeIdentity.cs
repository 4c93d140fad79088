using System.Security.Cryptography;
using System.Text;

namespace Reclamations.Engine.Runtime;

/// <summary>The default node identity: the host name and a short hash of the application's content root, stable across
/// restarts of one installation and different for two installations on one host.</summary>
public static class NodeIdentity
{
    public static string Default(string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        var root = Path.GetFullPath(contentRoot).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..8].ToLowerInvariant();
        return $"{Environment.MachineName}-{hash}";
    }
}
