namespace Reclamations.Engine.Expressions;

/// <summary>Budgets of one expression evaluation.</summary>
/// <param name="MaxOutputChars">Size of any value an expression or a host function produces: characters of a string, and for
/// lists and objects their items, keys and texts added up. Scriban's own string operations (<c>"a" * n</c>, padding) and
/// conversions are held to the same figure.</param>
/// <param name="Timeout">Time one evaluation may take, checked between steps (each host function call, each iteration) and at
/// the end: a host function already running is not interrupted, but its result is refused.</param>
/// <param name="LoopLimit">Iterations Scriban's built-ins may make (ranges, array functions); language loops are refused anyway.</param>
public sealed record ExpressionLimits(int MaxOutputChars, TimeSpan Timeout, int LoopLimit)
{
    /// <summary>100,000 characters, 2 seconds, 1,000 iterations.</summary>
    public static ExpressionLimits Default { get; } = new(100_000, TimeSpan.FromSeconds(2), 1_000);
}
