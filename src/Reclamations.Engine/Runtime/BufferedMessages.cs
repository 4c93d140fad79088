using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Variables;

namespace Reclamations.Engine.Runtime;

/// <summary>Stored form of the values of a buffered message (name → stored type and JSON, as in Variables), and the match
/// between a buffered message and a newly created subscription.</summary>
internal static class BufferedMessages
{
    private sealed record Stored(string Type, string? Json);

    public static string? Write(IReadOnlyDictionary<string, object?>? values)
    {
        if (values is null || values.Count == 0) return null;
        var stored = values.ToDictionary(v => v.Key, v =>
        {
            var (type, json) = VariableSerializer.Serialize(v.Value);
            return new Stored(type, json);
        }, StringComparer.Ordinal);
        return JsonSerializer.Serialize(stored);
    }

    public static Dictionary<string, object?>? Read(string? text) =>
        text is null
            ? null
            : JsonSerializer.Deserialize<Dictionary<string, Stored>>(text)!
                .ToDictionary(v => v.Key, v => VariableSerializer.Deserialize(v.Value.Type, v.Value.Json), StringComparer.Ordinal);

    /// <summary>Whether the instance's variables (instance scope) hold every correlation key, same type and JSON.</summary>
    public static bool KeysMatch(string? correlationKeys, InstanceState state)
    {
        if (correlationKeys is null) return true;
        foreach (var (name, stored) in JsonSerializer.Deserialize<Dictionary<string, Stored>>(correlationKeys)!)
        {
            var variable = state.Variables.Find(v => v.ExecutionId is null && v.Name == name);
            if (variable is null || variable.Type != stored.Type || variable.Json != stored.Json) return false;
        }
        return true;
    }

    /// <summary>Unexpired buffered messages of a name, oldest first (tracked: the one delivered is deleted).</summary>
    public static readonly Func<EngineDbContext, string, DateTimeOffset, IAsyncEnumerable<BufferedMessageEntity>> Waiting =
        EF.CompileAsyncQuery((EngineDbContext db, string name, DateTimeOffset now) =>
            db.BufferedMessages.Where(m => m.MessageName == name && m.ExpiresAt > now).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(64));
}
