using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Reclamations.Engine.Expressions;

/// <summary>
/// Wraps a host delegate so that it receives plain .NET values (dates as <see cref="DateTimeOffset"/>,
/// lists and objects as <see cref="List{T}"/> / <see cref="Dictionary{TKey,TValue}"/>) and its result is
/// converted back to script values.
/// </summary>
internal sealed class HostFunction : IScriptCustomFunction
{
    private readonly DynamicCustomFunction _inner;

    public HostFunction(string name, Delegate function)
    {
        Name = name;
        _inner = DynamicCustomFunction.Create(function);
    }

    public string Name { get; }

    public int RequiredParameterCount => _inner.RequiredParameterCount;

    public int ParameterCount => _inner.ParameterCount;

    public ScriptVarParamKind VarParamKind => _inner.VarParamKind;

    public Type ReturnType => _inner.ReturnType;

    public ScriptParameterInfo GetParameterInfo(int index) => _inner.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        PrepareArguments(arguments);
        var result = _inner.Invoke(context, callerContext, arguments, blockStatement);
        (context as SandboxContext)?.CheckFunctionResult(Name, result);
        return ScriptValueConverter.ToScript(result);
    }

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        PrepareArguments(arguments);
        var result = await _inner.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false);
        (context as SandboxContext)?.CheckFunctionResult(Name, result);
        return ScriptValueConverter.ToScript(result);
    }

    private void PrepareArguments(ScriptArray arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument is ScriptDate date)
            {
                // Scriban converts ScriptDate to DateTimeOffset/DateTime parameters itself; an object parameter gets the plain value.
                if (i < ParameterCount && GetParameterInfo(i).ParameterType == typeof(object))
                {
                    arguments[i] = date.Value;
                }
            }
            else if (argument is ScriptObject or ScriptArray)
            {
                arguments[i] = ScriptValueConverter.FromScript(argument);
            }
        }
    }
}
