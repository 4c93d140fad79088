using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Reclamations.Engine.Expressions;

/// <summary>Host-provided functions callable from expressions, e.g. <c>add_working_days</c>.</summary>
public sealed class ExpressionFunctionRegistry
{
    private static readonly Regex NamePattern = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private readonly ConcurrentDictionary<string, Delegate> _functions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HostFunction> _scriptFunctions = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="function"/> under <paramref name="name"/> exactly as written in expressions.</summary>
    /// <exception cref="ArgumentException">The name is not an identifier, is reserved by a built-in, or is already registered.</exception>
    public void Add(string name, Delegate function)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(function);
        if (!NamePattern.IsMatch(name))
        {
            throw new ArgumentException($"Function name '{name}' is not a valid identifier.", nameof(name));
        }

        if (SandboxBuiltins.IsReserved(name))
        {
            throw new ArgumentException($"Function name '{name}' is reserved by a built-in.", nameof(name));
        }

        var scriptFunction = new HostFunction(name, function);
        if (!_functions.TryAdd(name, function))
        {
            throw new ArgumentException($"A function named '{name}' is already registered.", nameof(name));
        }

        _scriptFunctions[name] = scriptFunction;
    }

    public IReadOnlyDictionary<string, Delegate> Functions => _functions;

    internal bool TryGetScriptFunction(string name, out HostFunction function) =>
        _scriptFunctions.TryGetValue(name, out function!);
}
