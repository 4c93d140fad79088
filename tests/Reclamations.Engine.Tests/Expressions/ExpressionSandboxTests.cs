using Reclamations.Engine.Expressions;

namespace Reclamations.Engine.Tests.Expressions;

public sealed class ExpressionSandboxTests
{
    private static readonly Dictionary<string, object?> Variables = new()
    {
        ["amount"] = 1500L,
        ["receivedAt"] = new DateTimeOffset(2026, 1, 31, 10, 0, 0, TimeSpan.FromHours(1)),
        ["complainant"] = new Dictionary<string, object?> { ["name"] = "Zoé" },
    };

    private readonly ExpressionEvaluator _evaluator;

    public ExpressionSandboxTests()
    {
        var functions = new ExpressionFunctionRegistry();
        functions.Add("fail", new Func<string>(() => throw new InvalidOperationException("calendar unavailable")));
        _evaluator = new ExpressionEvaluator(functions);
    }

    [Fact]
    public void Unknown_variable_is_named()
    {
        var act = () => _evaluator.Evaluate("${ foo > 1 }", Variables);

        act.Should().Throw<ExpressionException>()
            .Where(e => e.Expression == "${ foo > 1 }")
            .WithMessage("Expression '${ foo > 1 }' failed: unknown variable 'foo'");
    }

    [Fact]
    public void Unknown_function_is_named() =>
        _evaluator.Invoking(e => e.Evaluate("${ add_working_days(receivedAt, 2) }", Variables))
            .Should().Throw<ExpressionException>().WithMessage("*unknown function 'add_working_days'*");

    [Fact]
    public void Variable_names_are_not_renamed_to_snake_case() =>
        _evaluator.Invoking(e => e.Evaluate("${ received_at }", Variables))
            .Should().Throw<ExpressionException>().WithMessage("*unknown variable 'received_at'*");

    [Fact]
    public void Syntax_error_reports_line_and_column_in_the_full_text()
    {
        var act = () => _evaluator.Evaluate("${ amount > }", Variables);

        act.Should().Throw<ExpressionException>().WithMessage("*${ amount > }*syntax error at line 1, column 12 (end of expression)*");
    }

    [Fact]
    public void Syntax_error_position_accounts_for_the_delimiters() =>
        _evaluator.Invoking(e => e.Evaluate("  ${ amount + * 2 }", Variables))
            .Should().Throw<ExpressionException>().WithMessage("*syntax error at line 1, column 15:*`*`*");

    [Fact]
    public void Failing_function_reports_its_exception()
    {
        var act = () => _evaluator.Evaluate("${ fail() }", Variables);

        act.Should().Throw<ExpressionException>()
            .WithMessage("*${ fail() }*InvalidOperationException: calendar unavailable*")
            .WithInnerException<Exception>();
    }

    [Fact]
    public void Wrong_argument_count_is_reported() =>
        _evaluator.Invoking(e => e.Evaluate("${ math.abs }", Variables))
            .Should().Throw<ExpressionException>().WithMessage("*math.abs*");

    [Theory]
    [InlineData("${ x = 5 }", "assignments")]
    [InlineData("${ amount = 5; amount }", "assignments")]
    [InlineData("${ for i in 1..3; end }", "loops")]
    [InlineData("${ while true; end }", "loops")]
    [InlineData("${ func f; ret 1; end; f() }", "function definitions")]
    [InlineData("${ import complainant }", "imports")]
    public void State_changing_constructs_are_rejected(string expression, string construct) =>
        _evaluator.Invoking(e => e.Evaluate(expression, Variables))
            .Should().Throw<ExpressionException>().WithMessage($"*{construct} are not allowed*");

    [Theory]
    [InlineData("${ include \"secrets.txt\" }", "include")]
    [InlineData("${ math.random 1 10 }", "random")]
    [InlineData("${ object.eval \"1 + 1\" }", "eval")]
    public void Impure_builtins_are_unavailable(string expression, string name) =>
        _evaluator.Invoking(e => e.Evaluate(expression, Variables))
            .Should().Throw<ExpressionException>().WithMessage($"*{name}*");

    [Fact]
    public void Clock_is_not_readable_from_expressions()
    {
        _evaluator.Evaluate("${ date.now }", Variables).Should().BeNull();
        _evaluator.Evaluate("${ date.utc_now }", Variables).Should().BeNull();
    }

    [Fact]
    public void Dotnet_members_of_values_are_not_exposed()
    {
        _evaluator.Evaluate("${ receivedAt.Year }", Variables).Should().BeNull();
        _evaluator.Evaluate("${ receivedAt.year }", Variables).Should().BeNull();
        _evaluator.Evaluate("${ complainant.name.Length }", Variables).Should().BeNull();
    }

    [Fact]
    public void Builtins_cannot_be_modified_by_an_expression()
    {
        _evaluator.Invoking(e => e.Evaluate("${ math.abs = 1 }", Variables)).Should().Throw<ExpressionException>();

        _evaluator.Evaluate("${ math.abs(-2) }", Variables).Should().Be(2L);
    }

    [Fact]
    public void Range_beyond_loop_limit_fails() =>
        _evaluator.Invoking(e => e.Evaluate("${ (1..100000) | array.size }", Variables))
            .Should().Throw<ExpressionException>().WithMessage("*LoopLimit*");

    [Fact]
    public void Empty_expression_is_rejected() =>
        _evaluator.Invoking(e => e.Evaluate("${  }", Variables))
            .Should().Throw<ExpressionException>().WithMessage("*empty*");

    [Fact]
    public void Unsupported_variable_value_is_reported() =>
        _evaluator.Invoking(e => e.Evaluate("${ weird }", new Dictionary<string, object?> { ["weird"] = new Uri("http://example.org") }))
            .Should().Throw<ExpressionException>().WithMessage("*variable 'weird'*System.Uri*");
}
