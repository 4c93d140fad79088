using Reclamations.Engine.Expressions;

namespace Reclamations.Engine.Tests.Expressions;

public sealed class ExpressionEvaluatorTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 1, 31, 10, 0, 0, TimeSpan.FromHours(1));

    private readonly ExpressionEvaluator _evaluator;

    public ExpressionEvaluatorTests()
    {
        var functions = new ExpressionFunctionRegistry();
        functions.Add("add_months", (DateTimeOffset date, int months) => date.AddMonths(months));
        functions.Add("first_key", (IDictionary<string, object?> map) => map.Keys.First());
        functions.Add("describe", (object? value) => value?.GetType().Name ?? "null");
        functions.Add("fail", new Func<string>(() => throw new InvalidOperationException("calendar unavailable")));
        _evaluator = new ExpressionEvaluator(functions);
    }

    private static Dictionary<string, object?> Variables() => new()
    {
        ["amount"] = 1500L,
        ["price"] = 19.99m,
        ["ratio"] = 0.5,
        ["category"] = "product",
        ["reviewOutcome"] = "founded",
        ["hours"] = 36L,
        ["urgent"] = true,
        ["nothing"] = null,
        ["receivedAt"] = ReceivedAt,
        ["deadline"] = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero),
        ["complainant"] = new Dictionary<string, object?>
        {
            ["name"] = "Zoé",
            ["address"] = new Dictionary<string, object?> { ["city"] = "Lyon" },
        },
        ["items"] = new List<object?> { 1L, "two", new Dictionary<string, object?> { ["sku"] = "A-1" } },
    };

    [Theory]
    [InlineData("${ amount > 1000 && category == \"product\" }", true)]
    [InlineData("${ amount > 2000 || category == \"service\" }", false)]
    [InlineData("${reviewOutcome == \"founded\"}", true)]
    [InlineData("  ${ urgent }  ", true)]
    [InlineData("${ !urgent }", false)]
    [InlineData("${ nothing == null }", true)]
    [InlineData("${ price < 20 && ratio == 0.5 }", true)]
    [InlineData("${ complainant.address.city == \"Lyon\" }", true)]
    public void EvaluateCondition_returns_boolean_result(string expression, bool expected) =>
        _evaluator.EvaluateCondition(expression, Variables()).Should().Be(expected);

    [Fact]
    public void EvaluateCondition_rejects_non_boolean_result()
    {
        var act = () => _evaluator.EvaluateCondition("${ amount + 1 }", Variables());

        act.Should().Throw<ExpressionException>()
            .Where(e => e.Expression == "${ amount + 1 }")
            .WithMessage("*${ amount + 1 }*boolean*1501*");
    }

    [Fact]
    public void EvaluateCondition_rejects_literal_text()
    {
        var act = () => _evaluator.EvaluateCondition("true", Variables());

        act.Should().Throw<ExpressionException>().WithMessage("*boolean*");
    }

    [Fact]
    public void Evaluate_returns_literal_text_unchanged() =>
        _evaluator.Evaluate("Complaint about ${ category } received", Variables())
            .Should().Be("Complaint about ${ category } received");

    [Fact]
    public void Evaluate_converts_integers_to_long() =>
        _evaluator.Evaluate("${ 1 + 2 }", Variables()).Should().Be(3L);

    [Fact]
    public void Evaluate_keeps_long_and_decimal_arithmetic()
    {
        _evaluator.Evaluate("${ amount * 2 }", Variables()).Should().Be(3000L);
        _evaluator.Evaluate("${ price * 2 }", Variables()).Should().Be(39.98m);
        _evaluator.Evaluate("${ ratio * 3 }", Variables()).Should().Be(1.5);
    }

    [Fact]
    public void Evaluate_concatenates_strings_and_numbers() =>
        _evaluator.Evaluate("${ \"PT\" + hours + \"H\" }", Variables()).Should().Be("PT36H");

    [Fact]
    public void Evaluate_reads_nested_members_with_camel_case_names_kept() =>
        _evaluator.Evaluate("${ complainant.name }", Variables()).Should().Be("Zoé");

    [Fact]
    public void Evaluate_passes_dates_to_functions_and_returns_date_time_offset() =>
        _evaluator.Evaluate("${ add_months(receivedAt, 1) }", Variables())
            .Should().Be(new DateTimeOffset(2026, 2, 28, 10, 0, 0, TimeSpan.FromHours(1)));

    [Theory]
    [InlineData("${ receivedAt < deadline }", true)]
    [InlineData("${ receivedAt >= deadline }", false)]
    [InlineData("${ add_months(receivedAt, 1) > deadline }", true)]
    [InlineData("${ receivedAt == add_months(receivedAt, 0) }", true)]
    [InlineData("${ receivedAt != deadline }", true)]
    [InlineData("${ receivedAt == \"2026-01-31\" }", false)]
    [InlineData("${ (date.parse \"2026-01-01\") < receivedAt }", true)]
    [InlineData("${ receivedAt > (date.parse \"2026-02-01\") }", false)]
    public void Dates_work_in_comparisons(string expression, bool expected) =>
        _evaluator.EvaluateCondition(expression, Variables()).Should().Be(expected);

    [Fact]
    public void Function_with_object_parameter_receives_plain_values()
    {
        _evaluator.Evaluate("${ describe(receivedAt) }", Variables()).Should().Be(nameof(DateTimeOffset));
        _evaluator.Evaluate("${ describe(complainant) }", Variables()).Should().Be("Dictionary`2");
        _evaluator.Evaluate("${ first_key(complainant) }", Variables()).Should().Be("name");
    }

    [Fact]
    public void Evaluate_converts_lists_and_objects_back_to_plain_values()
    {
        var result = _evaluator.Evaluate("${ { total: amount, tags: [\"a\", 2], when: receivedAt } }", Variables());

        result.Should().BeOfType<Dictionary<string, object?>>()
            .Which.Should().BeEquivalentTo(new Dictionary<string, object?>
            {
                ["total"] = 1500L,
                ["tags"] = new List<object?> { "a", 2L },
                ["when"] = ReceivedAt,
            });
    }

    [Fact]
    public void Builtin_pure_functions_are_available()
    {
        _evaluator.Evaluate("${ category | string.upcase }", Variables()).Should().Be("PRODUCT");
        _evaluator.Evaluate("${ math.abs(-3) }", Variables()).Should().Be(3L);
        _evaluator.Evaluate("${ items | array.size }", Variables()).Should().Be(3L);
    }

    [Fact]
    public void EvaluateString_formats_dates_iso_8601_and_keeps_null()
    {
        _evaluator.EvaluateString("${ receivedAt }", Variables()).Should().Be("2026-01-31T10:00:00.0000000+01:00");
        _evaluator.EvaluateString("${ nothing }", Variables()).Should().BeNull();
        _evaluator.EvaluateString("${ urgent }", Variables()).Should().Be("true");
        _evaluator.EvaluateString("${ ratio }", Variables()).Should().Be("0.5");
        _evaluator.EvaluateString("plain text", Variables()).Should().Be("plain text");
    }

    [Fact]
    public void EvaluateString_writes_lists_as_json() =>
        _evaluator.EvaluateString("${ [1, \"a\"] }", Variables()).Should().Be("[1,\"a\"]");

    [Fact]
    public void EvaluateCollection_accepts_expression_and_bare_variable_name()
    {
        _evaluator.EvaluateCollection("${ items }", Variables()).Should().HaveCount(3);
        var variables = Variables();
        _evaluator.EvaluateCollection("items", variables).Should().BeSameAs((IReadOnlyList<object?>)variables["items"]!);
        _evaluator.EvaluateCollection(" items ", Variables())[1].Should().Be("two");
        _evaluator.EvaluateCollection("${ [1, 2] | array.reverse }", Variables()).Should().Equal(2L, 1L);
    }

    [Fact]
    public void EvaluateCollection_rejects_non_list_and_unknown_name()
    {
        _evaluator.Invoking(e => e.EvaluateCollection("${ category }", Variables()))
            .Should().Throw<ExpressionException>().WithMessage("*list*product*");
        _evaluator.Invoking(e => e.EvaluateCollection("reviewers", Variables()))
            .Should().Throw<ExpressionException>().WithMessage("*unknown variable 'reviewers'*");
        _evaluator.Invoking(e => e.EvaluateCollection("a, b", Variables()))
            .Should().Throw<ExpressionException>();
    }

    [Fact]
    public void Integer_results_beyond_long_become_double() =>
        _evaluator.Evaluate("${ 9223372036854775807 * 10 }", Variables())
            .Should().BeOfType<double>().Which.Should().BeApproximately(9.2233720368547758E19, 1E6);

    [Fact]
    public void Timespan_results_become_iso_durations() =>
        _evaluator.Evaluate("${ timespan.from_hours 36 }", Variables()).Should().Be("P1DT12H");
}
