using Scriban.Functions;
using Scriban.Runtime;

namespace Reclamations.Engine.Expressions;

/// <summary>
/// Scriban's built-in functions restricted to pure ones: no clock, no randomness, no file includes, no eval.
/// The returned object tree is read-only so it can be shared by concurrent evaluations.
/// </summary>
internal static class SandboxBuiltins
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "true", "false", "null", "if", "else", "end", "for", "in", "while", "func", "ret", "break", "continue",
        "case", "when", "with", "wrap", "import", "readonly", "capture", "tablerow", "this", "do", "empty", "blank",
    };

    private static readonly (string Object, string Member)[] Removed =
    [
        ("date", "now"),
        ("date", "utc_now"),
        ("math", "random"),
        ("math", "uuid"),
        ("object", "eval"),
        ("object", "eval_template"),
    ];

    private static readonly string[] RemovedTopLevel = ["include", "include_join"];

    private static readonly Lazy<ScriptObject> Shared = new(Create);

    public static ScriptObject Instance => Shared.Value;

    public static bool IsReserved(string name) => Keywords.Contains(name) || Instance.ContainsKey(name);

    private static ScriptObject Create()
    {
        var builtins = new BuiltinFunctions();
        foreach (var name in RemovedTopLevel)
        {
            builtins.Remove(name);
        }

        foreach (var (objectName, member) in Removed)
        {
            if (builtins[objectName] is ScriptObject owner)
            {
                owner.Remove(member);
            }
        }

        foreach (var value in builtins.Values)
        {
            if (value is ScriptObject nested)
            {
                nested.IsReadOnly = true;
            }
        }

        builtins.IsReadOnly = true;
        return builtins;
    }
}
