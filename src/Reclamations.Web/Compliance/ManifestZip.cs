using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Reclamations.Web.Compliance;

/// <summary>A ZIP archive whose last entry, <c>manifeste.json</c>, lists every other file with its size and SHA-256, so that
/// whoever receives it can check nothing was changed on the way.</summary>
public sealed class ManifestZip : IDisposable
{
    public const string ManifestName = "manifeste.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly MemoryStream _stream = new();
    private readonly ZipArchive _zip;
    private readonly List<ManifestFile> _files = [];
    private readonly HashSet<string> _paths = new(StringComparer.OrdinalIgnoreCase);

    public ManifestZip() => _zip = new ZipArchive(_stream, ZipArchiveMode.Create, leaveOpen: true);

    public sealed record ManifestFile(string Path, long Size, string Sha256);

    public IReadOnlyList<ManifestFile> Files => _files;

    /// <summary>Adds a file; a path already taken gets a numbered variant. Returns the path used.</summary>
    public string Add(string path, byte[] content)
    {
        var unique = path;
        for (var i = 2; !_paths.Add(unique); i++)
            unique = $"{System.IO.Path.ChangeExtension(path, null)}-{i}{System.IO.Path.GetExtension(path)}";
        var entry = _zip.CreateEntry(unique, CompressionLevel.Optimal);
        using (var s = entry.Open()) s.Write(content);
        _files.Add(new ManifestFile(unique, content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content))));
        return unique;
    }

    public void AddJson(string path, object value) => Add(path, JsonSerializer.SerializeToUtf8Bytes(value, Json));

    /// <summary>Writes the manifest (the <paramref name="header"/> fields, then <c>files</c>) and returns the archive and the
    /// manifest's own SHA-256.</summary>
    public (byte[] Archive, string ManifestSha256) Finish(IReadOnlyDictionary<string, object?> header)
    {
        var manifest = new Dictionary<string, object?>(header) { ["files"] = _files };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
        var entry = _zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
        using (var s = entry.Open()) s.Write(bytes);
        _zip.Dispose();
        return (_stream.ToArray(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    public void Dispose()
    {
        _zip.Dispose();
        _stream.Dispose();
    }
}
