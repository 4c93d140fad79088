using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Reclamations.Domain.Letters;

/// <summary>Scriban's <c>include</c>, whose output (a shared part, already escaped value by value as it was rendered) is
/// written into the letter as markup instead of being escaped a second time.</summary>
internal sealed class LetterIncludeFunction : IScriptCustomFunction
{
    private readonly IncludeFunction _include = new();

    public int RequiredParameterCount => _include.RequiredParameterCount;

    public int ParameterCount => _include.ParameterCount;

    public ScriptVarParamKind VarParamKind => _include.VarParamKind;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => _include.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new HtmlFragment(_include.Invoke(context, callerContext, arguments, blockStatement) as string ?? string.Empty);

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments,
        ScriptBlockStatement? blockStatement) =>
        new HtmlFragment(await _include.InvokeAsync(context, callerContext, arguments, blockStatement) as string ?? string.Empty);
}
