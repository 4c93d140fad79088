using Reclamations.Engine.Expressions;

namespace Reclamations.Engine.Tests.Expressions;

public sealed class ExpressionCachingTests
{
    [Fact]
    public void Each_distinct_expression_is_parsed_once()
    {
        var evaluator = new ExpressionEvaluator(new ExpressionFunctionRegistry());

        for (var i = 0; i < 50; i++)
        {
            evaluator.Evaluate("${ amount > 1000 }", new Dictionary<string, object?> { ["amount"] = (long)i * 100 });
            evaluator.Evaluate("${ amount + 1 }", new Dictionary<string, object?> { ["amount"] = (long)i });
        }

        evaluator.CachedExpressionCount.Should().Be(2);
    }

    [Fact]
    public void Literal_text_is_not_cached()
    {
        var evaluator = new ExpressionEvaluator(new ExpressionFunctionRegistry());

        evaluator.Evaluate("just text", new Dictionary<string, object?>());

        evaluator.CachedExpressionCount.Should().Be(0);
    }

    [Fact]
    public void Syntax_errors_are_cached_and_reported_every_time()
    {
        var evaluator = new ExpressionEvaluator(new ExpressionFunctionRegistry());
        var variables = new Dictionary<string, object?>();

        evaluator.Invoking(e => e.Evaluate("${ 1 + }", variables)).Should().Throw<ExpressionException>();
        evaluator.Invoking(e => e.Evaluate("${ 1 + }", variables)).Should().Throw<ExpressionException>().WithMessage("*syntax error*");
        evaluator.CachedExpressionCount.Should().Be(1);
    }

    [Fact]
    public async Task Concurrent_evaluations_of_the_same_expression_are_independent()
    {
        var functions = new ExpressionFunctionRegistry();
        functions.Add("twice", (long value) => value * 2);
        var evaluator = new ExpressionEvaluator(functions);

        var tasks = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                long value = (worker * 1000) + i;
                var result = evaluator.Evaluate("${ twice(amount) + 1 }", new Dictionary<string, object?> { ["amount"] = value });
                result.Should().Be((value * 2) + 1);
            }
        }));

        await Task.WhenAll(tasks);
        evaluator.CachedExpressionCount.Should().Be(1);
    }
}
