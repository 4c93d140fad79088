namespace Reclamations.Engine.Expressions;

/// <summary>Raised when an expression cannot be parsed or evaluated, or yields a result of the wrong type.</summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException(string expression, string cause, Exception? innerException = null)
        : base($"Expression '{expression}' failed: {cause}", innerException)
    {
        Expression = expression;
        Cause = cause;
    }

    /// <summary>The expression text as written (including the <c>${ }</c> delimiters).</summary>
    public string Expression { get; }

    /// <summary>The cause alone, without the expression text.</summary>
    public string Cause { get; }
}
