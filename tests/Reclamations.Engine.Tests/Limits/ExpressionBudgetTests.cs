using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Reclamations.Engine.Expressions;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Limits;

public sealed class ExpressionBudgetTests
{
    private static readonly Dictionary<string, object?> NoVariables = [];

    private readonly FakeTimeProvider _clock = new();
    private readonly ExpressionEvaluator _evaluator;

    public ExpressionBudgetTests()
    {
        var functions = new ExpressionFunctionRegistry();
        functions.Add("repeat", new Func<string, long, string>((text, times) => string.Concat(Enumerable.Repeat(text, (int)times))));
        functions.Add("numbers", new Func<long, List<object?>>(count => Enumerable.Range(0, (int)count).Select(i => (object?)(long)i).ToList()));
        functions.Add("slow", new Func<long>(() =>
        {
            _clock.Advance(TimeSpan.FromSeconds(3));
            return 1;
        }));
        _evaluator = new ExpressionEvaluator(functions, ExpressionLimits.Default, _clock);
    }

    [Theory]
    [InlineData("${ repeat('ab', 3000000) }", "function 'repeat' produced a value larger than the output budget of 100000 characters")]
    [InlineData("${ numbers(1000000) | array.size }", "function 'numbers' produced a value larger than the output budget")]
    public void A_host_function_producing_megabytes_fails_naming_the_expression_and_the_budget(string expression, string cause) =>
        _evaluator.Invoking(e => e.Evaluate(expression, NoVariables)).Should().Throw<ExpressionException>()
            .Where(e => e.Expression == expression)
            .WithMessage($"Expression '{expression}' failed: {cause}*(Engine:MaxExpressionOutputChars)*");

    [Theory]
    [InlineData("${ 'ab' * 10000000 }", "*String multiplication exceeds LimitToString `100000`*")]
    [InlineData("${ string.pad_left 'x' 100000000 }", "*exceeds the configured LimitToString `100000`*")]
    [InlineData("${ (1..100000000) | array.size }", "*Range expression exceeds LoopLimit `1000`*")]
    public void Scriban_built_ins_that_would_produce_megabytes_or_iterate_without_end_fail_clearly(string expression, string cause) =>
        _evaluator.Invoking(e => e.Evaluate(expression, NoVariables)).Should().Throw<ExpressionException>()
            .Where(e => e.Expression == expression).WithMessage(cause);

    [Fact]
    public void Pieces_within_the_budget_that_add_up_to_more_than_it_fail_on_the_result()
    {
        const string expression = "${ [repeat('a', 60000), repeat('b', 60000)] }";

        _evaluator.Invoking(e => e.Evaluate(expression, NoVariables)).Should().Throw<ExpressionException>()
            .WithMessage("*the result is larger than the output budget of 100000 characters*");
        _evaluator.Evaluate("${ [repeat('a', 40000), repeat('b', 40000)] | array.size }", NoVariables).Should().Be(2L);
    }

    [Fact]
    public void An_evaluation_past_its_time_budget_fails_naming_the_budget()
    {
        const string expression = "${ slow() + 1 }";

        _evaluator.Invoking(e => e.Evaluate(expression, NoVariables)).Should().Throw<ExpressionException>()
            .Where(e => e.Expression == expression)
            .WithMessage("*took 3000 ms, more than its time budget of 2000 ms (Engine:ExpressionTimeout)*");
    }

    [Theory]
    [InlineData("${ while true; end }")]
    [InlineData("${ for i in 1..1000000000; end }")]
    public void Loops_cannot_be_written_in_an_expression_at_all(string expression) =>
        _evaluator.Invoking(e => e.Evaluate(expression, NoVariables)).Should().Throw<ExpressionException>()
            .WithMessage("*loops are not allowed*");

    [Fact]
    public async Task In_a_process_a_too_large_expression_output_fails_the_command_naming_element_and_expression()
    {
        await using var h = await EngineHarness.StartAsync(b =>
        {
            b.AddFunction("repeat", new Func<string, long, string>((text, times) => string.Concat(Enumerable.Repeat(text, (int)times))));
            b.Services.Configure<EngineOptions>(o => o.MaxExpressionOutputChars = 1_000);
        });
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="before" />
            <task id="fill">
              <extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="text">${ repeat('x', 2000) }</camunda:inputParameter>
              </camunda:inputOutput></extensionElements>
            </task>
            <userTask id="after" />
            """ + Chain("s", "before", "fill", "after")));
        var instance = await h.StartAsync("p");

        await h.Invoking(x => x.CompleteAsync(instance.Id, "before")).Should().ThrowAsync<ProcessEngineException>()
            .WithMessage("Parameter 'text' of 'fill': Expression '${ repeat('x', 2000) }' failed: function 'repeat' produced a value "
                         + "larger than the output budget of 1000 characters (Engine:MaxExpressionOutputChars)*");
        (await h.InstanceAsync(instance.Id)).ActiveActivityIds.Should().Equal("before");
    }
}
