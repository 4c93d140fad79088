using System.Collections;

namespace Reclamations.Engine.Expressions;

/// <summary>Measures a value against the output budget without walking more of it than the budget: strings count their
/// characters, lists and objects their items and keys, anything else one.</summary>
internal static class ValueSize
{
    public static bool Exceeds(object? value, int limit)
    {
        long size = 0;
        var pending = new Stack<object?>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case null:
                    size++;
                    break;
                case string text:
                    size += text.Length;
                    break;
                case IDictionary dictionary:
                    size += dictionary.Count;
                    if (size > limit) return true;
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        pending.Push(entry.Key as string);
                        pending.Push(entry.Value);
                    }
                    break;
                case IEnumerable sequence:
                    foreach (var item in sequence)
                    {
                        if (++size > limit) return true;
                        pending.Push(item);
                    }
                    break;
                default:
                    size++;
                    break;
            }
            if (size > limit) return true;
        }
        return false;
    }
}
