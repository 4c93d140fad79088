using System.Text.Json;
using System.Text.Json.Serialization;
using Reclamations.Domain.Deadlines;

namespace Reclamations.Domain.Profiles;

/// <summary>The stored JSON form of a profile (camelCase, enums as strings).</summary>
internal static class DeadlineProfileJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(DeadlineProfile profile) => JsonSerializer.Serialize(profile, Options);

    public static DeadlineProfile Read(string json) =>
        JsonSerializer.Deserialize<DeadlineProfile>(json, Options)
        ?? throw new InvalidOperationException("Empty deadline profile JSON.");
}
