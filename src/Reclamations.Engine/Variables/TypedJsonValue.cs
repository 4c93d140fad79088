using System.Globalization;
using System.Text.Json;

namespace Reclamations.Engine.Variables;

/// <summary>An API value with an optional declared type (<see cref="VariableTypes"/>): the JSON must be of that type
/// (a date is an ISO 8601 string with an offset). Without a type the JSON's own kind decides, as for form values.</summary>
public static class TypedJsonValue
{
    private static readonly string[] Types =
        [VariableTypes.String, VariableTypes.Boolean, VariableTypes.Long, VariableTypes.Double, VariableTypes.Date, VariableTypes.Json, VariableTypes.Null];

    /// <exception cref="FormatException">The value does not match the type, or the type is unknown; the message says which.</exception>
    public static object? Convert(JsonElement value, string? type)
    {
        if (type is null) return VariableSerializer.FromJsonElement(value);
        var kind = value.ValueKind;
        switch (type.ToLowerInvariant())
        {
            case VariableTypes.Null when kind is JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case VariableTypes.String when kind == JsonValueKind.String:
                return value.GetString();
            case VariableTypes.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return value.GetBoolean();
            case VariableTypes.Long when kind == JsonValueKind.Number && value.TryGetInt64(out var integer):
                return integer;
            case VariableTypes.Double when kind == JsonValueKind.Number:
                return value.GetDouble();
            case VariableTypes.Date when kind == JsonValueKind.String
                                         && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
                                             DateTimeStyles.None, out var date)
                                         && HasOffset(value.GetString()!):
                return date;
            case VariableTypes.Json when kind is JsonValueKind.Object or JsonValueKind.Array:
                return VariableSerializer.FromJsonElement(value);
        }
        if (!Types.Contains(type.ToLowerInvariant()))
            throw new FormatException($"type: '{type}' is not a variable type ({string.Join(", ", Types)}).");
        throw new FormatException($"value: {value.GetRawText()} is not a {type.ToLowerInvariant()}" +
                                  (type.Equals(VariableTypes.Date, StringComparison.OrdinalIgnoreCase)
                                      ? " (an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:00:00+01:00)." : "."));
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':';
}
