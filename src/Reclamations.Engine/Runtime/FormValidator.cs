using System.Globalization;
using Reclamations.Engine.Model;
using Reclamations.Engine.Timers;

namespace Reclamations.Engine.Runtime;

/// <summary>Checks submitted values against <c>camunda:formData</c> (types, enum values, constraints) and converts
/// them to their field type. The form is the one contract: a name that is not a field of the form is refused (a task
/// without a form accepts no variables). A field left empty takes its <c>defaultValue</c> (text or <c>${...}</c>, through
/// <c>evaluateDefault</c>) as Camunda does on form submission, before the required check. <c>partial</c> (a delegate
/// resolving a task for its owner) checks only the fields submitted: no defaults, no required fields.</summary>
internal static class FormValidator
{
    public static Dictionary<string, object?> Validate(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, object?> submitted,
        TimeZoneInfo zone, Func<string, object?> evaluateDefault, bool partial = false)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var errors = submitted.Keys.Where(name => !fields.Any(f => f.Id == name)).Order(StringComparer.Ordinal)
            .Select(name => new FormFieldError(name, fields.Count == 0
                ? $"« {name} » : cette étape n'a pas de formulaire, elle n'accepte aucune variable."
                : $"« {name} » n'est pas un champ du formulaire de cette étape ({string.Join(", ", fields.Select(f => f.Id))})."))
            .ToList();
        foreach (var field in fields)
        {
            var given = submitted.TryGetValue(field.Id, out var raw);
            if (partial && !given) continue;
            if (IsEmpty(raw) && !partial && !string.IsNullOrWhiteSpace(field.DefaultValue))
                raw = evaluateDefault(field.DefaultValue);
            if (IsEmpty(raw))
            {
                if (field.IsRequired && !partial) errors.Add(new FormFieldError(field.Id, $"« {field.Label ?? field.Id} » est obligatoire."));
                else if (given) result[field.Id] = raw;
                continue;
            }
            if (!TryConvert(field, raw!, zone, out var value, out var error))
            {
                errors.Add(new FormFieldError(field.Id, error));
                continue;
            }
            if (CheckConstraints(field, value) is { } violation)
            {
                errors.Add(new FormFieldError(field.Id, violation));
                continue;
            }
            result[field.Id] = value;
        }
        if (errors.Count > 0) throw new FormValidationException(errors);
        return result;
    }

    private static bool IsEmpty(object? value) => value is null || value is string s && string.IsNullOrWhiteSpace(s);

    private static bool TryConvert(FormField field, object raw, TimeZoneInfo zone, out object? value, out string error)
    {
        error = "";
        value = null;
        switch (field.Type)
        {
            case "string":
                value = raw as string ?? Convert.ToString(raw, CultureInfo.InvariantCulture);
                return true;
            case "long":
                switch (raw)
                {
                    case long or int:
                        value = Convert.ToInt64(raw, CultureInfo.InvariantCulture);
                        return true;
                    case double d when d == Math.Floor(d):
                        value = (long)d;
                        return true;
                    case string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l):
                        value = l;
                        return true;
                }
                error = $"« {raw} » n'est pas un nombre entier.";
                return false;
            case "boolean":
                switch (raw)
                {
                    case bool b:
                        value = b;
                        return true;
                    case string s when bool.TryParse(s, out var parsed):
                        value = parsed;
                        return true;
                }
                error = $"« {raw} » n'est pas un booléen (true/false).";
                return false;
            case "date":
                switch (raw)
                {
                    case DateTimeOffset d:
                        value = d;
                        return true;
                    // French day/month/year first (05/04/2026 is 5 April); dates without an offset are local to the engine's zone.
                    case string s when DateOnly.TryParseExact(s, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture,
                        DateTimeStyles.None, out var day):
                        value = TimerDates.ParseDate(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), zone);
                        return true;
                    case string s when TimerDates.TryParseDate(s, zone, out var d):
                        value = d;
                        return true;
                }
                error = $"« {raw} » n'est pas une date (AAAA-MM-JJ).";
                return false;
            case "enum":
                var text = Convert.ToString(raw, CultureInfo.InvariantCulture);
                if (field.Values.Any(v => v.Id == text))
                {
                    value = text;
                    return true;
                }
                error = $"« {text} » n'est pas une valeur permise ({string.Join(", ", field.Values.Select(v => v.Id))}).";
                return false;
            default:
                error = $"type de champ inconnu « {field.Type} ».";
                return false;
        }
    }

    private static string? CheckConstraints(FormField field, object? value)
    {
        foreach (var (name, config) in field.Constraints)
        {
            var limit = long.TryParse(config, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : (long?)null;
            switch (name)
            {
                case "minlength" when limit is { } min && value is string s && s.Length < min:
                    return $"au moins {min} caractères.";
                case "maxlength" when limit is { } max && value is string s && s.Length > max:
                    return $"au plus {max} caractères.";
                case "min" when limit is { } min && value is long n && n < min:
                    return $"doit être au moins {min}.";
                case "max" when limit is { } max && value is long n && n > max:
                    return $"doit être au plus {max}.";
            }
        }
        return null;
    }
}
