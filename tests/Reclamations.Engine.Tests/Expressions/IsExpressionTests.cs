using Reclamations.Engine.Expressions;

namespace Reclamations.Engine.Tests.Expressions;

public sealed class IsExpressionTests
{
    [Theory]
    [InlineData("${ amount > 1000 }", true)]
    [InlineData("  ${x}\n", true)]
    [InlineData("${ {a: 1}.a }", true)]
    [InlineData("${ \"}\" + \"{\" }", true)]
    [InlineData("${ a } and ${ b }", false)]
    [InlineData("text ${ a }", false)]
    [InlineData("${ a", false)]
    [InlineData("{ a }", false)]
    [InlineData("$ { a }", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Detects_a_single_whole_expression(string? text, bool expected) =>
        ExpressionEvaluator.IsExpression(text).Should().Be(expected);
}
