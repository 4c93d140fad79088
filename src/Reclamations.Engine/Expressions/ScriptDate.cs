using System.Globalization;
using Reclamations.Engine.Variables;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Reclamations.Engine.Expressions;

/// <summary>
/// Script-side representation of a <see cref="DateTimeOffset"/>: Scriban has no native support for it,
/// so this type provides comparisons and conversion to <see cref="DateTimeOffset"/> / <see cref="DateTime"/> parameters.
/// </summary>
internal sealed class ScriptDate(DateTimeOffset value) : IScriptCustomBinaryOperation, IScriptConvertibleTo, IScriptCustomTypeInfo, IEquatable<ScriptDate>
{
    public DateTimeOffset Value { get; } = value;

    public string TypeName => "date";

    /// <summary>Interprets a <see cref="DateTime"/> (as produced by Scriban's date functions); unspecified kind is taken as UTC.</summary>
    public static DateTimeOffset FromDateTime(DateTime value) => PlainValues.ToDateTimeOffset(value);

    public bool TryEvaluate(
        TemplateContext context,
        SourceSpan span,
        ScriptBinaryOperator op,
        SourceSpan leftSpan,
        object? leftValue,
        SourceSpan rightSpan,
        object? rightValue,
        out object? result)
    {
        result = null;
        if (!TryGetInstant(leftValue, out var left) || !TryGetInstant(rightValue, out var right))
        {
            switch (op)
            {
                case ScriptBinaryOperator.CompareEqual:
                    result = false;
                    return true;
                case ScriptBinaryOperator.CompareNotEqual:
                    result = true;
                    return true;
                default:
                    return false;
            }
        }

        var comparison = left.CompareTo(right);
        result = op switch
        {
            ScriptBinaryOperator.CompareEqual => comparison == 0,
            ScriptBinaryOperator.CompareNotEqual => comparison != 0,
            ScriptBinaryOperator.CompareLess => comparison < 0,
            ScriptBinaryOperator.CompareLessOrEqual => comparison <= 0,
            ScriptBinaryOperator.CompareGreater => comparison > 0,
            ScriptBinaryOperator.CompareGreaterOrEqual => comparison >= 0,
            _ => null,
        };
        return result is not null;
    }

    public bool TryConvertTo(TemplateContext context, SourceSpan span, Type type, out object value)
    {
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?) || type == typeof(object))
        {
            value = Value;
            return true;
        }

        if (type == typeof(DateTime) || type == typeof(DateTime?))
        {
            value = Value.UtcDateTime;
            return true;
        }

        if (type == typeof(string))
        {
            value = ToString();
            return true;
        }

        value = null!;
        return false;
    }

    public bool Equals(ScriptDate? other) => other is not null && Value.Equals(other.Value);

    public override bool Equals(object? obj) => obj is ScriptDate other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString("o", CultureInfo.InvariantCulture);

    private static bool TryGetInstant(object? value, out DateTimeOffset instant)
    {
        switch (value)
        {
            case ScriptDate date:
                instant = date.Value;
                return true;
            case DateTimeOffset offset:
                instant = offset;
                return true;
            case DateTime dateTime:
                instant = FromDateTime(dateTime);
                return true;
            default:
                instant = default;
                return false;
        }
    }
}
