using Scriban;
using Scriban.Syntax;

namespace Reclamations.Engine.Expressions;

/// <summary>The Scriban context of one evaluation, holding its budgets (<see cref="ExpressionLimits"/>).</summary>
internal sealed class SandboxContext : TemplateContext
{
    private readonly ExpressionLimits _limits;
    private readonly TimeProvider _time;
    private readonly long _started;

    public SandboxContext(ExpressionLimits limits, TimeProvider time) : base(SandboxBuiltins.Instance)
    {
        _limits = limits;
        _time = time;
        _started = time.GetTimestamp();
        StrictVariables = true;
        LoopLimit = limits.LoopLimit;
        LoopLimitQueryable = limits.LoopLimit;
        RecursiveLimit = 20;
        ObjectRecursionLimit = 20;
        LimitToString = limits.MaxOutputChars;
        OnStringLimit = ScriptLimitBehavior.Throw;
        RegexTimeOut = TimeSpan.FromMilliseconds(200);
        MemberFilter = static _ => false;
        MemberRenamer = static member => member.Name;
        TemplateLoader = null;
    }

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        CheckTime();
        return base.OnStepLoop(loop);
    }

    /// <summary>Refuses a host function's result that is too large, or that came too late.</summary>
    public void CheckFunctionResult(string function, object? result)
    {
        CheckTime();
        if (ValueSize.Exceeds(result, _limits.MaxOutputChars))
            throw new ExpressionBudgetException($"function '{function}' produced a value larger than the output budget of "
                                                + $"{_limits.MaxOutputChars} characters (Engine:MaxExpressionOutputChars)");
    }

    public void CheckResult(object? result)
    {
        CheckTime();
        if (ValueSize.Exceeds(result, _limits.MaxOutputChars))
            throw new ExpressionBudgetException($"the result is larger than the output budget of {_limits.MaxOutputChars} characters "
                                                + "(Engine:MaxExpressionOutputChars)");
    }

    public void CheckTime()
    {
        var elapsed = _time.GetElapsedTime(_started);
        if (elapsed > _limits.Timeout)
            throw new ExpressionBudgetException($"the evaluation took {elapsed.TotalMilliseconds:0} ms, more than its time budget of "
                                                + $"{_limits.Timeout.TotalMilliseconds:0} ms (Engine:ExpressionTimeout)");
    }
}

/// <summary>An evaluation went past one of its budgets (reported as an <see cref="ExpressionException"/>).</summary>
internal sealed class ExpressionBudgetException(string message) : Exception(message);
