using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Reclamations.Engine.Expressions;

/// <summary>
/// Parses the inside of <c>${ ... }</c> as a Scriban script and checks that it stays a pure expression:
/// no assignments, loops, function definitions, imports or other statements that change state.
/// Also collects the global names the expression reads.
/// </summary>
internal static class ExpressionParser
{
    private static readonly LexerOptions Lexer = new() { Mode = ScriptMode.ScriptOnly };

    private static readonly ParserOptions Parser = new() { ExpressionDepthLimit = 64 };

    public static ParsedExpression Parse(ExpressionBody body)
    {
        if (string.IsNullOrWhiteSpace(body.Source))
        {
            return ParsedExpression.Failure("the expression is empty");
        }

        var template = Template.Parse(body.Source, null, Parser, Lexer);
        if (template.HasErrors)
        {
            var errors = template.Messages
                .Where(message => message.Type == ParserMessageType.Error)
                .Select(message => $"syntax error {body.Describe(message.Span)}: {message.Message}");
            return ParsedExpression.Failure(string.Join("; ", errors));
        }

        var names = new List<string>();
        var called = new HashSet<string>(StringComparer.Ordinal);
        var forbidden = Walk(template.Page, body, names, called);
        return forbidden is null
            ? ParsedExpression.Success(template, body, names, called)
            : ParsedExpression.Failure(forbidden);
    }

    private static string? Walk(ScriptNode? node, ExpressionBody body, List<string> names, HashSet<string> called)
    {
        switch (node)
        {
            case null:
                return null;
            case ScriptVariableGlobal global:
                if (!names.Contains(global.Name))
                {
                    names.Add(global.Name);
                }

                return null;
            case ScriptMemberExpression member:
                // The member name is not a variable: only the target is read from the scope.
                return Walk(member.Target, body, names, called);
            case ScriptObjectMember objectMember:
                // `{ key: value }`: the key is a name, not a variable.
                return Walk(objectMember.Value, body, names, called);
            case ScriptNamedArgument namedArgument:
                return Walk(namedArgument.Value, body, names, called);
            case ScriptFunctionCall { Target: ScriptVariableGlobal function }:
                called.Add(function.Name);
                break;
        }

        var forbidden = ForbiddenConstruct(node);
        if (forbidden is not null)
        {
            return $"{forbidden} are not allowed in expressions ({body.Describe(node.Span)})";
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            var error = Walk(node.GetChildren(i), body, names, called);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? ForbiddenConstruct(ScriptNode node) => node switch
    {
        ScriptAssignExpression or ScriptIncrementDecrementExpression => "assignments",
        ScriptLoopStatementBase or ScriptBreakStatement or ScriptContinueStatement => "loops",
        ScriptFunction or ScriptAnonymousFunction => "function definitions",
        ScriptImportStatement => "imports",
        ScriptCaptureStatement or ScriptWithStatement or ScriptWrapStatement or ScriptReadOnlyStatement => "state-changing statements",
        ScriptRawStatement or ScriptFrontMatter => "template text",
        _ => null,
    };
}
