using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reclamations.Domain.Audit;

/// <summary>
/// The digests an audit row's MAC covers: <see cref="AuditEntry.Details"/> with every leaf value (a string, number,
/// boolean, null or array) replaced by the SHA-256 of its JSON text, e.g.
/// <c>{"complainant.email":{"old":"74234e98…","new":"1b4f0e98…"}}</c>. A value erased later is simply absent from the
/// details; its digest stays, so the row still verifies.
/// </summary>
public static class AuditDigests
{
    public static string Of(string details) => Mirror(Parse(details)).ToJsonString(AuditDiff.Json);

    public static string Digest(JsonNode? value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value?.ToJsonString(AuditDiff.Json) ?? "null")));

    /// <summary>The details as a JSON object; text that is not one stands as <c>{"$text": "…"}</c>.</summary>
    public static JsonObject Parse(string details)
    {
        try
        {
            if (JsonNode.Parse(details) is JsonObject o) return o;
        }
        catch (JsonException)
        {
        }

        return new JsonObject { ["$text"] = details };
    }

    /// <summary>How the details differ from the digests ("" when they agree). <paramref name="erased"/>: a value may be
    /// missing (erased) where a digest is.</summary>
    public static string Compare(string details, string digests, bool erased)
    {
        var problems = new List<string>();
        Compare("", Parse(details), Parse(digests), erased, problems);
        return string.Join("; ", problems);
    }

    private static JsonObject Mirror(JsonObject node)
    {
        var mirror = new JsonObject();
        foreach (var (name, value) in node)
            mirror[name] = value is JsonObject child ? Mirror(child) : Digest(value);
        return mirror;
    }

    private static void Compare(string prefix, JsonObject details, JsonObject digests, bool erased, List<string> problems)
    {
        foreach (var (name, value) in details)
        {
            var path = prefix.Length == 0 ? name : $"{prefix}/{name}";
            if (!digests.TryGetPropertyValue(name, out var digest))
                problems.Add($"value '{path}' has no digest (added after sealing)");
            else if (erased && value is JsonObject { Count: 0 })
            {
                // An erased value (AuditErasure): its digest stays, whatever it covered.
            }
            else if (value is JsonObject child)
            {
                if (digest is JsonObject childDigests) Compare(path, child, childDigests, erased, problems);
                else problems.Add($"value '{path}' differs from its digest");
            }
            else if (digest is not JsonValue || digest.GetValue<string>() != Digest(value))
                problems.Add($"value '{path}' differs from its digest");
        }

        foreach (var (name, digest) in digests)
        {
            if (details.ContainsKey(name)) continue;
            var path = prefix.Length == 0 ? name : $"{prefix}/{name}";
            if (!erased) problems.Add($"value '{path}' is missing but the row was not erased");
        }
    }
}
