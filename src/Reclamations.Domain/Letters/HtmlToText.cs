using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Reclamations.Domain.Letters;

/// <summary>
/// Plain-text version of a letter for the text part of an email: block elements become line
/// breaks, list items get a dash, links keep their address, tags and comments are dropped.
/// </summary>
public static partial class HtmlToText
{
    public static string Convert(string html)
    {
        var text = DroppedBlocks().Replace(html, string.Empty);
        text = Comments().Replace(text, string.Empty);
        text = Whitespace().Replace(text, " ");
        text = Links().Replace(text, m => LinkText(m.Groups["href"].Value, m.Groups["text"].Value));
        text = LineBreaks().Replace(text, "\n");
        text = ListItems().Replace(text, "\n- ");
        text = CellEnds().Replace(text, " ");
        text = BlockEnds().Replace(text, "\n\n");
        text = BlockStarts().Replace(text, "\n\n");
        text = Tags().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);

        var lines = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            lines.Append(SpacesAndTabs().Replace(line.Replace('\u00A0', ' '), " ").Trim()).Append('\n');
        }

        return BlankLines().Replace(lines.ToString(), "\n\n").Trim() + "\n";
    }

    private static string LinkText(string href, string text)
    {
        var inner = Tags().Replace(text, string.Empty).Trim();
        var target = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href["mailto:".Length..] : href;
        return target.Length == 0 || WebUtility.HtmlDecode(inner).Contains(WebUtility.HtmlDecode(target), StringComparison.OrdinalIgnoreCase)
            ? inner
            : $"{inner} ({target})";
    }

    [GeneratedRegex(@"<(head|style|script|title)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DroppedBlocks();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<a\b[^>]*\bhref\s*=\s*[""'](?<href>[^""']*)[""'][^>]*>(?<text>.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Links();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItems();

    [GeneratedRegex(@"</t[dh]\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex CellEnds();

    [GeneratedRegex(@"</(p|div|h[1-6]|tr|table|ul|ol|blockquote|address|section|header|footer)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex(@"<(p|div|h[1-6]|table|ul|ol|blockquote|address|section|header|footer|hr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockStarts();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex SpacesAndTabs();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
