using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Reclamations.Domain.Audit;

/// <summary>
/// Compares two JSON snapshots of an object and lists the changed leaves by camelCase path
/// (<c>complainant.email</c>), as <c>{"path":{"old":…,"new":…}}</c>.
/// </summary>
public static class AuditDiff
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Snapshot<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Json)?.AsObject() ?? [];

    /// <summary>The changed fields between two snapshots, <paramref name="ignored"/> paths left out.</summary>
    public static JsonObject Changes(JsonObject before, JsonObject after, params string[] ignored)
    {
        var changes = new JsonObject();
        Compare("", before, after, changes, ignored);
        return changes;
    }

    public static string Of(string field, object? oldValue, object? newValue) =>
        new JsonObject { [field] = Change(oldValue, newValue) }.ToJsonString(Json);

    /// <summary>One change as <c>{"old":…,"new":…}</c>.</summary>
    public static JsonObject Change(object? oldValue, object? newValue) => new()
    {
        ["old"] = JsonSerializer.SerializeToNode(oldValue, Json),
        ["new"] = JsonSerializer.SerializeToNode(newValue, Json),
    };

    private static void Compare(string prefix, JsonObject before, JsonObject after, JsonObject changes, string[] ignored)
    {
        foreach (var name in before.Select(p => p.Key).Union(after.Select(p => p.Key)))
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            if (ignored.Contains(path, StringComparer.Ordinal)) continue;
            before.TryGetPropertyValue(name, out var old);
            after.TryGetPropertyValue(name, out var @new);
            if ((old is JsonObject || @new is JsonObject) && old is JsonObject or null && @new is JsonObject or null)
            {
                // Nested objects are compared field by field, a missing side standing for an empty object.
                Compare(path, old as JsonObject ?? [], @new as JsonObject ?? [], changes, ignored);
            }
            else if (!JsonNode.DeepEquals(old, @new))
            {
                changes[path] = new JsonObject { ["old"] = old?.DeepClone(), ["new"] = @new?.DeepClone() };
            }
        }
    }
}
