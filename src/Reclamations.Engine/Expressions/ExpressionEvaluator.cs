using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Reclamations.Engine.Variables;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Reclamations.Engine.Expressions;

/// <summary>
/// Evaluates <c>${ ... }</c> expressions with Scriban (script-only mode) in a sandbox: strict variables, only the given
/// variables, the registered host functions and Scriban's pure built-ins, no .NET member access, low limits.
/// Parsed expressions are cached; instances are thread-safe.
/// </summary>
public sealed class ExpressionEvaluator
{
    private const int MaxCachedExpressions = 10_000;

    private static readonly Regex VariableName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private readonly ExpressionFunctionRegistry _functions;
    private readonly ExpressionLimits _limits;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ParsedExpression> _cache = new(StringComparer.Ordinal);

    /// <param name="limits">Output size, time and iteration budgets (<see cref="ExpressionLimits.Default"/> when null).</param>
    /// <param name="time">Measures the time budget (the system clock when null).</param>
    public ExpressionEvaluator(ExpressionFunctionRegistry functions, ExpressionLimits? limits = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(functions);
        _functions = functions;
        _limits = limits ?? ExpressionLimits.Default;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Number of distinct expression texts parsed and cached so far.</summary>
    internal int CachedExpressionCount => _cache.Count;

    /// <summary>True when the trimmed text is exactly one <c>${ ... }</c>.</summary>
    public static bool IsExpression(string? text) => ExpressionBody.TryFind(text, out _);

    /// <summary>Evaluates <c>${ ... }</c>; any other text is returned unchanged as a literal string.</summary>
    /// <returns>A plain value: null, string, bool, long, double, decimal, <see cref="DateTimeOffset"/>, <see cref="List{T}"/> or <see cref="Dictionary{TKey,TValue}"/>.</returns>
    /// <exception cref="ExpressionException">Syntax error, unknown variable, failing function, or unsupported value.</exception>
    public object? Evaluate(string text, IReadOnlyDictionary<string, object?> variables)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(variables);
        if (!ExpressionBody.TryFind(text, out var body))
        {
            return text;
        }

        var parsed = GetParsed(text, body);
        if (parsed.Error is not null)
        {
            throw new ExpressionException(text, parsed.Error);
        }

        var context = CreateContext(text, parsed, variables);
        object? result;
        try
        {
            result = parsed.Template!.Evaluate(context);
        }
        catch (ExpressionBudgetException exception)
        {
            throw new ExpressionException(text, exception.Message, exception);
        }
        catch (ScriptRuntimeException exception) when (exception.InnerException is ExpressionBudgetException budget)
        {
            throw new ExpressionException(text, $"{budget.Message} ({parsed.Body.Describe(exception.Span)})", budget);
        }
        catch (ScriptRuntimeException exception)
        {
            throw new ExpressionException(text, DescribeRuntimeError(parsed.Body, exception), exception);
        }
        catch (Exception exception) when (exception is not ExpressionException and not OutOfMemoryException)
        {
            throw new ExpressionException(text, exception.Message, exception);
        }

        try
        {
            var value = ScriptValueConverter.FromScript(result);
            context.CheckResult(value);
            return value;
        }
        catch (ExpressionBudgetException exception)
        {
            throw new ExpressionException(text, exception.Message, exception);
        }
        catch (ArgumentException exception)
        {
            throw new ExpressionException(text, exception.Message, exception);
        }
    }

    /// <summary>Evaluates a condition; the result must be a boolean.</summary>
    public bool EvaluateCondition(string text, IReadOnlyDictionary<string, object?> variables)
    {
        var value = Evaluate(text, variables);
        return value is bool result
            ? result
            : throw new ExpressionException(text, $"a condition must evaluate to a boolean, but the result was {DescribeValue(value)}");
    }

    /// <summary>Evaluates to text: null stays null, dates are formatted ISO 8601 ("o"), lists and objects as JSON.</summary>
    public string? EvaluateString(string text, IReadOnlyDictionary<string, object?> variables) => ToText(Evaluate(text, variables));

    /// <summary>An evaluated value as <see cref="EvaluateString"/> renders it.</summary>
    internal static string? ToText(object? evaluated) =>
        evaluated switch
        {
            null => null,
            string value => value,
            bool value => value ? "true" : "false",
            DateTimeOffset value => value.ToString("o", CultureInfo.InvariantCulture),
            IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
            var value => VariableSerializer.ToJsonNode(value)?.ToJsonString(),
        };

    /// <summary>
    /// Evaluates to a list. Besides <c>${ ... }</c>, a bare variable name is accepted: <c>items</c> means the variable <c>items</c>.
    /// </summary>
    public IReadOnlyList<object?> EvaluateCollection(string text, IReadOnlyDictionary<string, object?> variables)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(variables);
        object? value;
        if (IsExpression(text))
        {
            value = Evaluate(text, variables);
        }
        else
        {
            var name = text.Trim();
            if (!VariableName.IsMatch(name))
            {
                throw new ExpressionException(text, "a collection must be given as an expression ${ ... } or a variable name");
            }

            if (!variables.TryGetValue(name, out value))
            {
                throw new ExpressionException(text, $"unknown variable '{name}'");
            }
        }

        return value switch
        {
            IReadOnlyList<object?> list => list,
            IEnumerable sequence and not string and not IDictionary<string, object?> =>
                (List<object?>)ScriptValueConverter.FromScript(sequence)!,
            _ => throw new ExpressionException(text, $"a collection must evaluate to a list, but the result was {DescribeValue(value)}"),
        };
    }

    private ParsedExpression GetParsed(string text, ExpressionBody body)
    {
        if (_cache.TryGetValue(text, out var parsed))
        {
            return parsed;
        }

        parsed = ExpressionParser.Parse(body);
        return _cache.Count < MaxCachedExpressions ? _cache.GetOrAdd(text, parsed) : parsed;
    }

    private SandboxContext CreateContext(string text, ParsedExpression parsed, IReadOnlyDictionary<string, object?> variables)
    {
        var scope = new ScriptObject(parsed.GlobalNames.Count);
        foreach (var name in parsed.GlobalNames)
        {
            if (variables.TryGetValue(name, out var value))
            {
                try
                {
                    scope[name] = ScriptValueConverter.ToScript(value);
                }
                catch (ArgumentException exception)
                {
                    throw new ExpressionException(text, $"variable '{name}': {exception.Message}", exception);
                }
            }
            else if (_functions.TryGetScriptFunction(name, out var function))
            {
                scope[name] = function;
            }
            else if (!SandboxBuiltins.IsReserved(name))
            {
                var kind = parsed.CalledNames.Contains(name) ? "function" : "variable";
                throw new ExpressionException(text, $"unknown {kind} '{name}'");
            }
        }

        var context = new SandboxContext(_limits, _time);
        context.PushGlobal(scope);
        return context;
    }

    private static string DescribeRuntimeError(ExpressionBody body, ScriptRuntimeException exception)
    {
        var inner = exception.InnerException;
        var cause = inner is null or ScriptRuntimeException
            ? exception.OriginalMessage
            : $"{inner.GetType().Name}: {inner.Message}";
        return $"{cause} ({body.Describe(exception.Span)})";
    }

    private static string DescribeValue(object? value) => value switch
    {
        null => "null",
        string text => $"the string \"{text}\"",
        _ => $"{value} ({value.GetType().Name})",
    };
}
