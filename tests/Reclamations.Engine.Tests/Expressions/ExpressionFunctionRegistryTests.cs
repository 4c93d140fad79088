using Reclamations.Engine.Expressions;

namespace Reclamations.Engine.Tests.Expressions;

public sealed class ExpressionFunctionRegistryTests
{
    [Fact]
    public void Registered_functions_are_listed_by_name()
    {
        var registry = new ExpressionFunctionRegistry();
        Func<long, long> twice = value => value * 2;

        registry.Add("twice", twice);

        registry.Functions.Should().ContainKey("twice").WhoseValue.Should().BeSameAs(twice);
    }

    [Fact]
    public void Function_registered_after_evaluator_creation_is_callable()
    {
        var registry = new ExpressionFunctionRegistry();
        var evaluator = new ExpressionEvaluator(registry);

        registry.Add("add_working_days", (DateTimeOffset date, int days) => date.AddDays(days));

        evaluator.Evaluate("${ add_working_days(start, 2) }", new Dictionary<string, object?> { ["start"] = new DateTimeOffset(2026, 5, 14, 0, 0, 0, TimeSpan.Zero) })
            .Should().Be(new DateTimeOffset(2026, 5, 16, 0, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("add-days")]
    [InlineData("1st")]
    [InlineData("")]
    [InlineData("math")]
    [InlineData("true")]
    public void Invalid_or_reserved_names_are_rejected(string name) =>
        new ExpressionFunctionRegistry().Invoking(r => r.Add(name, () => 1))
            .Should().Throw<ArgumentException>().WithMessage($"*'{name}'*");

    [Fact]
    public void Duplicate_name_is_rejected()
    {
        var registry = new ExpressionFunctionRegistry();
        registry.Add("twice", (long value) => value * 2);

        registry.Invoking(r => r.Add("twice", (long value) => value * 3))
            .Should().Throw<ArgumentException>().WithMessage("*already registered*");
    }
}
