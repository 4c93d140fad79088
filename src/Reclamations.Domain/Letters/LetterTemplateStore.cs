using Scriban;
using Scriban.Parsing;

namespace Reclamations.Domain.Letters;

/// <summary>
/// The letter templates (<c>*.scriban-html</c>) of a directory, each parsed once. A template with a
/// syntax error is refused: loading fails with a <see cref="LetterTemplateException"/> naming
/// the file, line and column.
/// </summary>
public sealed class LetterTemplateStore
{
    public const string Extension = ".scriban-html";

    private readonly IReadOnlyDictionary<string, LetterTemplate> _templates;

    private LetterTemplateStore(IReadOnlyDictionary<string, LetterTemplate> templates)
    {
        _templates = templates;
        TemplateNames = templates.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Template names (file names without extension), sorted.</summary>
    public IReadOnlyList<string> TemplateNames { get; }

    public static LetterTemplateStore LoadFromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new LetterTemplateException($"Letter template directory '{directory}' does not exist.");
        }

        var templates = new Dictionary<string, LetterTemplate>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension).Order(StringComparer.Ordinal))
        {
            var template = Parse(Path.GetFileName(path), File.ReadAllText(path));
            templates.Add(template.Name, template);
        }

        return new LetterTemplateStore(templates);
    }

    public static LetterTemplateStore FromTemplates(IEnumerable<LetterTemplate> templates) =>
        new(templates.ToDictionary(t => t.Name, StringComparer.Ordinal));

    /// <summary>Parses one template (also used to validate an edited template before saving it).</summary>
    public static LetterTemplate Parse(string fileName, string source)
    {
        var name = fileName.EndsWith(Extension, StringComparison.Ordinal) ? fileName[..^Extension.Length] : fileName;
        var parsed = Template.Parse(source, fileName);
        if (parsed.HasErrors)
        {
            var error = parsed.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new LetterTemplateException(fileName, error.Span.Start.Line + 1, error.Span.Start.Column + 1, error.Message);
        }

        return new LetterTemplate(name, fileName, source, parsed);
    }

    public LetterTemplate Get(string name) =>
        _templates.TryGetValue(name, out var template)
            ? template
            : throw new LetterTemplateException($"Unknown letter template '{name}'. Known: {string.Join(", ", TemplateNames)}.");
}
