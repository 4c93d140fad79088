using System.Globalization;
using Reclamations.Engine.Api;

namespace Reclamations.Web.Tasks;

/// <summary>A posted form field as the engine's typed value: long and boolean parsed (text left as is when it does not
/// parse, so that the engine's validation names the field), dates and texts as text.</summary>
public static class TaskFormValues
{
    public static object? Convert(FormFieldInfo field, string raw) => field.Type switch
    {
        "long" when long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        "boolean" when bool.TryParse(raw, out var flag) => flag,
        _ => raw,
    };
}
