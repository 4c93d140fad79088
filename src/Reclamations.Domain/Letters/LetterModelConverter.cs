using System.Collections;
using Scriban.Runtime;

namespace Reclamations.Domain.Letters;

/// <summary>
/// Turns plain .NET model values into Scriban objects: dictionaries become script objects,
/// lists become script arrays, null and blank strings become <see cref="MissingValue"/>.
/// </summary>
internal static class LetterModelConverter
{
    public static object Convert(object? value, string path) => value switch
    {
        null => new MissingValue(path),
        string s when string.IsNullOrWhiteSpace(s) => new MissingValue(path),
        string s => s,
        IDictionary<string, object?> dictionary => ToScriptObject(dictionary, path),
        IReadOnlyDictionary<string, object?> dictionary => ToScriptObject(dictionary, path),
        IDictionary dictionary => ToScriptObject(dictionary.Cast<DictionaryEntry>()
            .Select(e => new KeyValuePair<string, object?>(System.Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, e.Value)), path),
        IEnumerable list => ToScriptArray(list, path),
        _ => value,
    };

    public static ScriptObject ToScriptObject(IEnumerable<KeyValuePair<string, object?>> members, string path)
    {
        var result = new ScriptObject();
        foreach (var (key, member) in members)
        {
            var memberPath = path.Length == 0 ? key : path + "." + key;
            result.SetValue(key, Convert(member, memberPath), readOnly: false);
        }

        return result;
    }

    private static ScriptArray ToScriptArray(IEnumerable list, string path)
    {
        var result = new ScriptArray();
        var index = 0;
        foreach (var item in list)
        {
            result.Add(Convert(item, $"{path}[{index}]"));
            index++;
        }

        return result;
    }
}
