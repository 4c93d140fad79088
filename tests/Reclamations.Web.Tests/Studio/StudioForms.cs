using System.Net;
using System.Text.RegularExpressions;

namespace Reclamations.Web.Tests.Studio;

/// <summary>Posting the studio's forms as a browser would: the page's antiforgery token, the form's fields.</summary>
internal static partial class StudioForms
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string handler,
        IEnumerable<(string Name, string Value)> fields)
    {
        var html = await client.GetStringAsync(page);
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var url = $"{page}{(page.Contains('?') ? '&' : '?')}handler={handler}";
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Every input, select and checked checkbox of the form whose action names <paramref name="handler"/>, with its
    /// value as the page renders it (what the browser would post unchanged).</summary>
    public static List<(string Name, string Value)> FieldsOf(string html, string handler)
    {
        var at = html.IndexOf($"handler={handler}", StringComparison.Ordinal);
        var start = html.LastIndexOf("<form", at, StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", at, StringComparison.Ordinal)];
        var fields = new List<(string, string)>();
        foreach (Match m in InputPattern().Matches(form))
        {
            var tag = m.Value;
            var name = WebUtility.HtmlDecode(Attr(tag, "name") ?? "");
            if (name.Length == 0 || name == "__RequestVerificationToken") continue;
            var type = Attr(tag, "type");
            if (type == "checkbox" && !tag.Contains("checked", StringComparison.Ordinal)) continue;
            fields.Add((name, WebUtility.HtmlDecode(Attr(tag, "value") ?? "")));
        }
        foreach (Match m in SelectPattern().Matches(form))
        {
            var selected = Regex.Match(m.Groups[2].Value, "<option value=\"([^\"]*)\" selected");
            fields.Add((WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(selected.Success ? selected.Groups[1].Value
                : Regex.Match(m.Groups[2].Value, "<option value=\"([^\"]*)\"").Groups[1].Value)));
        }
        return fields;
    }

    public static List<(string Name, string Value)> With(this List<(string Name, string Value)> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Name == name);
        fields.Add((name, value));
        return fields;
    }

    private static string? Attr(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();
}
