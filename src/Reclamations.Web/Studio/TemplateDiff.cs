using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Reclamations.Web.Studio;

/// <summary>A line diff between two versions of a letter template (DiffPlex): each line kept, added or removed, with its
/// number in the older and in the newer text.</summary>
public static class TemplateDiff
{
    public const string Kept = "kept";
    public const string Added = "added";
    public const string Removed = "removed";

    public sealed record Line(string Kind, int? OldNumber, int? NewNumber, string Text);

    /// <summary>The changed lines with <paramref name="context"/> kept lines around each; a null stands for the kept lines left out.</summary>
    public static IReadOnlyList<Line?> AroundChanges(IReadOnlyList<Line> lines, int context = 3)
    {
        var near = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].Kind != Kept)
                for (var j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++) near[j] = true;
        var shown = new List<Line?>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (near[i]) shown.Add(lines[i]);
            else if (shown.Count == 0 || shown[^1] is not null) shown.Add(null);
        }
        return shown;
    }

    public static IReadOnlyList<Line> Compare(string older, string newer)
    {
        var model = InlineDiffBuilder.Diff(older, newer, ignoreWhiteSpace: false, ignoreCase: false, chunker: DiffPlex.Chunkers.LineChunker.Instance);
        var lines = new List<Line>();
        int oldNumber = 0, newNumber = 0;
        foreach (var line in model.Lines)
        {
            switch (line.Type)
            {
                case ChangeType.Inserted:
                    lines.Add(new Line(Added, null, ++newNumber, line.Text));
                    break;
                case ChangeType.Deleted:
                    lines.Add(new Line(Removed, ++oldNumber, null, line.Text));
                    break;
                case ChangeType.Imaginary:
                    break;
                default:
                    lines.Add(new Line(Kept, ++oldNumber, ++newNumber, line.Text));
                    break;
            }
        }
        return lines;
    }
}
