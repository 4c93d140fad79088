using System.Collections;

namespace Reclamations.Engine.Variables;

/// <summary>Type tests and deep equality over plain variable values.</summary>
internal static class PlainValues
{
    public static bool IsInteger(object? value) => TryGetInteger(value, out _);

    public static bool TryGetInteger(object? value, out long integer)
    {
        switch (value)
        {
            case long number:
                integer = number;
                return true;
            case int number:
                integer = number;
                return true;
            case short number:
                integer = number;
                return true;
            case byte number:
                integer = number;
                return true;
            case sbyte number:
                integer = number;
                return true;
            case ushort number:
                integer = number;
                return true;
            case uint number:
                integer = number;
                return true;
            case ulong number when number <= long.MaxValue:
                integer = (long)number;
                return true;
            default:
                integer = 0;
                return false;
        }
    }

    /// <summary>UTC and unspecified kinds are taken as UTC; local kind keeps the machine offset it denotes.</summary>
    public static DateTimeOffset ToDateTimeOffset(DateTime value) => value.Kind == DateTimeKind.Local
        ? new DateTimeOffset(value)
        : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>Reads an object-like value (string-keyed dictionary) as its entries.</summary>
    /// <exception cref="ArgumentException">A non-generic dictionary has a key that is not a string.</exception>
    public static bool TryGetEntries(object value, out IEnumerable<KeyValuePair<string, object?>> entries)
    {
        switch (value)
        {
            case IDictionary<string, object?> dictionary:
                entries = dictionary;
                return true;
            case IReadOnlyDictionary<string, object?> dictionary:
                entries = dictionary;
                return true;
            case IDictionary dictionary:
                entries = ReadEntries(dictionary);
                return true;
            default:
                entries = [];
                return false;
        }
    }

    public static bool DeepEquals(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (IsNumber(a) || IsNumber(b))
        {
            return IsNumber(a) && IsNumber(b) && NumberEquals(a, b);
        }

        if (a is DateTimeOffset or DateTime || b is DateTimeOffset or DateTime)
        {
            return TryGetDate(a, out var dateA) && TryGetDate(b, out var dateB) && dateA.EqualsExact(dateB);
        }

        if (a is string || b is string)
        {
            return a is string textA && b is string textB && string.Equals(textA, textB, StringComparison.Ordinal);
        }

        if (TryGetEntries(a, out var entriesA))
        {
            return TryGetEntries(b, out var entriesB) && EntriesEqual(entriesA, entriesB);
        }

        if (a is IEnumerable sequenceA)
        {
            return b is IEnumerable sequenceB && !TryGetEntries(b, out _) && SequencesEqual(sequenceA, sequenceB);
        }

        return a.Equals(b);
    }

    private static IEnumerable<KeyValuePair<string, object?>> ReadEntries(IDictionary dictionary)
    {
        var result = new List<KeyValuePair<string, object?>>(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                throw new ArgumentException($"A dictionary with keys of type {entry.Key.GetType().FullName} is not JSON-serialisable: keys must be strings.");
            }

            result.Add(new KeyValuePair<string, object?>(key, entry.Value));
        }

        return result;
    }

    private static bool IsNumber(object value) => IsInteger(value) || value is double or float or decimal or ulong;

    private static bool NumberEquals(object a, object b)
    {
        if (TryGetInteger(a, out var integerA) && TryGetInteger(b, out var integerB))
        {
            return integerA == integerB;
        }

        if (a is double or float || b is double or float)
        {
            return Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture)
                .Equals(Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture));
        }

        return Convert.ToDecimal(a, System.Globalization.CultureInfo.InvariantCulture)
            == Convert.ToDecimal(b, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool TryGetDate(object value, out DateTimeOffset date)
    {
        switch (value)
        {
            case DateTimeOffset offset:
                date = offset;
                return true;
            case DateTime dateTime:
                date = ToDateTimeOffset(dateTime);
                return true;
            default:
                date = default;
                return false;
        }
    }

    private static bool EntriesEqual(IEnumerable<KeyValuePair<string, object?>> a, IEnumerable<KeyValuePair<string, object?>> b)
    {
        var right = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in b)
        {
            right[key] = value;
        }

        var count = 0;
        foreach (var (key, value) in a)
        {
            count++;
            if (!right.TryGetValue(key, out var other) || !DeepEquals(value, other))
            {
                return false;
            }
        }

        return count == right.Count;
    }

    private static bool SequencesEqual(IEnumerable a, IEnumerable b)
    {
        var left = a.Cast<object?>().ToList();
        var right = b.Cast<object?>().ToList();
        return left.Count == right.Count && left.Zip(right).All(pair => DeepEquals(pair.First, pair.Second));
    }
}
