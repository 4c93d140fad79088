using Reclamations.Domain.Workflow;
using Scriban;
using Scriban.Functions;
using Scriban.Syntax;

namespace Reclamations.Domain.Templates;

/// <summary>Walks a template's syntax tree for the variables it reads (<c>complaint.reference</c>, <c>answer_text</c>…) and
/// names each one the declared model (<see cref="LetterModelSchema"/>) does not have. A name the template sets itself
/// (<c>{{ delay_letter = true }}</c>, a loop's variable, a capture) and the helpers (<c>format_date</c>, <c>include</c>…,
/// Scriban's <c>array</c>, <c>string</c>…) are known.</summary>
public static class TemplateVariableCheck
{
    /// <summary>A variable read by the template, at its 1-based line and column.</summary>
    public sealed record Use(string Path, int Line, int Column);

    private static readonly HashSet<string> Helpers = new(
        new BuiltinFunctions().Keys.Concat(["format_date", "format_amount", "paragraphs", "fail", "include", "for", "while", "tablerow"]),
        StringComparer.Ordinal);

    /// <summary>The uses of <paramref name="parsed"/> that the model of <paramref name="key"/> does not provide, in order.</summary>
    public static IReadOnlyList<Use> Unknown(string key, Template parsed, IEnumerable<string>? alsoSet = null)
    {
        var known = LetterModelSchema.For(key).Select(v => v.Path).ToHashSet(StringComparer.Ordinal);
        var walker = new Walker();
        walker.Walk(parsed.Page);
        var locals = walker.Assigned.Concat(alsoSet ?? []).ToHashSet(StringComparer.Ordinal);
        return walker.Uses.Where(u => !IsKnown(u.Path, known, locals)).DistinctBy(u => u.Path).ToList();
    }

    /// <summary>The names a template sets itself (assignments, loops, captures), e.g. the <c>delay_letter</c> flag a letter sets
    /// for the shared part it includes.</summary>
    public static IReadOnlySet<string> Assigned(Template parsed)
    {
        var walker = new Walker();
        walker.Walk(parsed.Page);
        return walker.Assigned;
    }

    private static bool IsKnown(string path, HashSet<string> known, HashSet<string> locals)
    {
        var root = path.Split('.')[0];
        if (locals.Contains(root) || Helpers.Contains(root) || known.Contains(path)) return true;
        // A member of a plain value (a list's size, a text's length…): its longest known prefix is a leaf of the model.
        for (var cut = path.LastIndexOf('.'); cut > 0; cut = path.LastIndexOf('.', cut - 1))
        {
            var prefix = path[..cut];
            if (known.Contains(prefix)) return !known.Any(k => k.StartsWith(prefix + ".", StringComparison.Ordinal));
        }
        // An object of the model tested as a whole (« if representative »).
        return known.Any(k => k.StartsWith(path + ".", StringComparison.Ordinal));
    }

    private sealed class Walker
    {
        public List<Use> Uses { get; } = [];

        public HashSet<string> Assigned { get; } = new(StringComparer.Ordinal);

        public void Walk(ScriptNode? node)
        {
            switch (node)
            {
                case null:
                    return;
                case ScriptMemberExpression member when PathOf(member) is { } path:
                    Add(path, member);
                    return;
                case ScriptVariableGlobal variable:
                    Add(variable.Name, variable);
                    return;
                case ScriptAssignExpression { Target: ScriptVariableGlobal target } assign:
                    Assigned.Add(target.Name);
                    Walk(assign.Value);
                    return;
                case ScriptForStatement { Variable: ScriptVariableGlobal loop } statement:
                    Assigned.Add(loop.Name);
                    WalkChildren(statement, except: loop);
                    return;
                case ScriptCaptureStatement { Target: ScriptVariableGlobal capture } statement:
                    Assigned.Add(capture.Name);
                    WalkChildren(statement, except: capture);
                    return;
                default:
                    WalkChildren(node, except: null);
                    return;
            }
        }

        private void WalkChildren(ScriptNode node, ScriptNode? except)
        {
            foreach (var child in node.Children)
                if (!ReferenceEquals(child, except)) Walk(child);
        }

        private void Add(string path, ScriptNode node) => Uses.Add(new Use(path, node.Span.Start.Line + 1, node.Span.Start.Column + 1));

        /// <summary>The dotted path of <c>a.b.c</c> (members of a global variable), or null for a member of anything else.</summary>
        private static string? PathOf(ScriptMemberExpression member)
        {
            var segments = new Stack<string>();
            ScriptExpression? current = member;
            while (current is ScriptMemberExpression m)
            {
                if (m.Member is not { } name) return null;
                segments.Push(name.Name);
                current = m.Target;
            }
            if (current is not ScriptVariableGlobal root) return null;
            return root.Name + "." + string.Join('.', segments);
        }
    }
}
