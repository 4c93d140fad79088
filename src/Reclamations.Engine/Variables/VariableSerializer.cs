using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reclamations.Engine.Variables;

/// <summary>
/// Persists variable values as (type, JSON) pairs and converts between plain values and JSON.
/// Plain values are: null, string, bool, long, double, decimal, <see cref="DateTimeOffset"/>,
/// lists (<see cref="List{T}"/> of plain values) and objects (<see cref="Dictionary{TKey,TValue}"/> with string keys).
/// </summary>
public static class VariableSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Stored text, never embedded in HTML: keep accents readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises a plain value. The JSON is always valid JSON text (strings and dates are quoted); null has no JSON.</summary>
    /// <exception cref="ArgumentException">The value (or a nested value) is not JSON-serialisable; the message names its .NET type.</exception>
    public static (string Type, string? Json) Serialize(object? value) => value switch
    {
        null => (VariableTypes.Null, null),
        string text => (VariableTypes.String, JsonSerializer.Serialize(text, Options)),
        bool flag => (VariableTypes.Boolean, flag ? "true" : "false"),
        DateTimeOffset or DateTime => (VariableTypes.Date, ToJsonNode(value)!.ToJsonString(Options)),
        double or float or decimal => (VariableTypes.Double, ToJsonNode(value)!.ToJsonString(Options)),
        _ when PlainValues.IsInteger(value) => (VariableTypes.Long, ToJsonNode(value)!.ToJsonString(Options)),
        JsonElement element => Serialize(FromJsonElement(element)),
        IDictionary or IEnumerable<KeyValuePair<string, object?>> or IEnumerable and not string =>
            (VariableTypes.Json, ToJsonNode(value)!.ToJsonString(Options)),
        _ => throw NotSerialisable(value),
    };

    /// <summary>Restores a value written by <see cref="Serialize"/>. Dates nested inside json values stay strings.</summary>
    /// <exception cref="ArgumentException">Unknown type, or missing JSON for a non-null type.</exception>
    /// <exception cref="FormatException">The JSON does not match the type.</exception>
    public static object? Deserialize(string type, string? json)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type == VariableTypes.Null)
        {
            return null;
        }

        if (json is null)
        {
            throw new ArgumentException($"Variable of type '{type}' has no JSON.", nameof(json));
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var element = document.RootElement;
            return type switch
            {
                VariableTypes.String => element.GetString(),
                VariableTypes.Boolean => element.GetBoolean(),
                VariableTypes.Long => element.GetInt64(),
                VariableTypes.Double => element.GetDouble(),
                VariableTypes.Date => DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                VariableTypes.Json => FromJsonElement(element),
                _ => throw new ArgumentException($"Unknown variable type '{type}'.", nameof(type)),
            };
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or ArgumentNullException)
        {
            throw new FormatException($"Invalid JSON for variable type '{type}': {json}", exception);
        }
    }

    /// <summary>API input → plain values: numbers become long when they are integers written without fraction or exponent, else double.</summary>
    public static object? FromJsonElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? (object)integer : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJsonElement).ToList(),
        JsonValueKind.Object => element.EnumerateObject().Aggregate(
            new Dictionary<string, object?>(StringComparer.Ordinal),
            (result, property) =>
            {
                result[property.Name] = FromJsonElement(property.Value);
                return result;
            }),
        _ => throw new ArgumentException($"Unsupported JSON value kind {element.ValueKind}.", nameof(element)),
    };

    /// <summary>Plain value → JSON for API output; dates are written as ISO 8601 strings ("o").</summary>
    /// <exception cref="ArgumentException">The value (or a nested value) is not JSON-serialisable; the message names its .NET type.</exception>
    public static JsonNode? ToJsonNode(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case double number when !double.IsFinite(number):
            case float single when !float.IsFinite(single):
                throw NotSerialisable(value, "it is not a finite number");
            case double number:
                return JsonValue.Create(number);
            case float single:
                return JsonValue.Create((double)single);
            case decimal number:
                return JsonValue.Create(number);
            case DateTimeOffset date:
                return JsonValue.Create(date.ToString("o", CultureInfo.InvariantCulture));
            case DateTime dateTime:
                return JsonValue.Create(PlainValues.ToDateTimeOffset(dateTime).ToString("o", CultureInfo.InvariantCulture));
            case JsonElement element:
                return ToJsonNode(FromJsonElement(element));
            case JsonNode node:
                return node.DeepClone();
        }

        if (PlainValues.TryGetInteger(value, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (PlainValues.TryGetEntries(value, out var entries))
        {
            var result = new JsonObject();
            foreach (var (key, item) in entries)
            {
                result[key] = ToJsonNode(item);
            }

            return result;
        }

        if (value is IEnumerable sequence)
        {
            var result = new JsonArray();
            foreach (var item in sequence)
            {
                result.Add(ToJsonNode(item));
            }

            return result;
        }

        throw NotSerialisable(value);
    }

    /// <summary>Deep equality of plain values, used to record only real changes. Numbers compare by value across types; dates by instant and offset.</summary>
    public static bool ValueEquals(object? a, object? b) => PlainValues.DeepEquals(a, b);

    private static ArgumentException NotSerialisable(object value, string? reason = null) =>
        new($"A value of type {value.GetType().FullName} is not JSON-serialisable{(reason is null ? "" : $": {reason}")}.", nameof(value));
}
