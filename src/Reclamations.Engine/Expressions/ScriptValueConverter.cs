using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using System.Xml;
using Scriban.Runtime;

namespace Reclamations.Engine.Expressions;

/// <summary>Converts between plain JSON-like .NET values and Scriban values.</summary>
internal static class ScriptValueConverter
{
    /// <summary>Plain value → script value (objects become <see cref="ScriptObject"/>, lists <see cref="ScriptArray"/>, dates <see cref="ScriptDate"/>).</summary>
    /// <exception cref="ArgumentException">The value's type has no script representation.</exception>
    public static object? ToScript(object? value) => value switch
    {
        null => null,
        string or bool or int or long or double or decimal or float or short or byte or sbyte or ushort or uint => value,
        ScriptDate or ScriptObject or ScriptArray or IScriptCustomFunction or TimeSpan => value,
        DateTimeOffset date => new ScriptDate(date),
        DateTime dateTime => new ScriptDate(ScriptDate.FromDateTime(dateTime)),
        char character => character.ToString(),
        Guid guid => guid.ToString(),
        Enum enumValue => enumValue.ToString(),
        IDictionary<string, object?> dictionary => ToScriptObject(dictionary),
        IReadOnlyDictionary<string, object?> dictionary => ToScriptObject(dictionary),
        IEnumerable sequence => ToScriptArray(sequence),
        _ => throw new ArgumentException($"values of type {value.GetType().FullName} are not supported in expressions"),
    };

    /// <summary>Script value → plain value (<see cref="Dictionary{TKey,TValue}"/>, <see cref="List{T}"/>, long, double, decimal, <see cref="DateTimeOffset"/>…).</summary>
    /// <exception cref="ArgumentException">The value has no plain representation (e.g. a function).</exception>
    public static object? FromScript(object? value) => value switch
    {
        null => null,
        EmptyScriptObject => null,
        string or bool or long or double or decimal => value,
        int or short or byte or sbyte or ushort or uint => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        ulong unsigned => unsigned <= long.MaxValue ? (object)(long)unsigned : (decimal)unsigned,
        BigInteger big => big >= long.MinValue && big <= long.MaxValue ? (object)(long)big : (double)big,
        float single => (double)single,
        char character => character.ToString(),
        ScriptDate date => date.Value,
        DateTimeOffset date => date,
        DateTime dateTime => ScriptDate.FromDateTime(dateTime),
        TimeSpan span => XmlConvert.ToString(span),
        Enum enumValue => enumValue.ToString(),
        IScriptCustomFunction => throw new ArgumentException("a function is not a value"),
        IDictionary<string, object?> dictionary => FromDictionary(dictionary),
        IEnumerable sequence => FromSequence(sequence),
        _ => throw new ArgumentException($"results of type {value.GetType().FullName} are not supported"),
    };

    private static readonly Regex IsoInstant = new(
        @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant);

    private static ScriptObject ToScriptObject(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var result = new ScriptObject();
        foreach (var (key, item) in entries)
        {
            result[key] = NestedToScript(item);
        }

        return result;
    }

    private static ScriptArray ToScriptArray(IEnumerable sequence)
    {
        var result = new ScriptArray();
        foreach (var item in sequence)
        {
            result.Add(NestedToScript(item));
        }

        return result;
    }

    /// <summary>Dates inside objects and lists are persisted as ISO 8601 text (with an offset); they are dates again in
    /// expressions, so that comparisons compare instants (Scriban would compare them as text).</summary>
    private static object? NestedToScript(object? item) =>
        item is string text && IsoInstant.IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? new ScriptDate(instant)
            : ToScript(item);

    private static Dictionary<string, object?> FromDictionary(IDictionary<string, object?> dictionary)
    {
        var result = new Dictionary<string, object?>(dictionary.Count, StringComparer.Ordinal);
        foreach (var (key, item) in dictionary)
        {
            result[key] = FromScript(item);
        }

        return result;
    }

    private static List<object?> FromSequence(IEnumerable sequence)
    {
        var result = new List<object?>();
        foreach (var item in sequence)
        {
            result.Add(FromScript(item));
        }

        return result;
    }
}
