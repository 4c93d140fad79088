using Scriban;
using Scriban.Parsing;

namespace Reclamations.Domain.Letters;

/// <summary>
/// The letter templates (<c>*.scriban-html</c>) of a directory, each parsed once. A template with a
/// syntax error is refused: loading fails with a <see cref="LetterTemplateException"/> naming
/// the file, line and column. The shared parts (letterhead, signature, recourse paragraphs, footer) are in the
/// <c>_partials</c> sub-folder, parsed and checked the same way, and written into a letter by
/// <c>{{ include "name" }}</c> (<see cref="LetterPartialLoader"/>).
/// </summary>
public sealed class LetterTemplateStore
{
    public const string Extension = ".scriban-html";

    /// <summary>The sub-folder of the shared parts.</summary>
    public const string PartialsFolder = "_partials";

    private readonly IReadOnlyDictionary<string, LetterTemplate> _templates;

    private LetterTemplateStore(IReadOnlyDictionary<string, LetterTemplate> templates,
        IReadOnlyDictionary<string, LetterTemplate>? partials = null)
    {
        _templates = templates;
        Partials = partials ?? new Dictionary<string, LetterTemplate>(StringComparer.Ordinal);
        TemplateNames = templates.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The shared parts by name (file name without extension), e.g. <c>letterhead</c>.</summary>
    public IReadOnlyDictionary<string, LetterTemplate> Partials { get; }

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

        var partials = new Dictionary<string, LetterTemplate>(StringComparer.Ordinal);
        var partialsDirectory = Path.Combine(directory, PartialsFolder);
        if (Directory.Exists(partialsDirectory))
        {
            foreach (var path in Directory.EnumerateFiles(partialsDirectory, "*" + Extension).Order(StringComparer.Ordinal))
            {
                var partial = Parse(PartialsFolder + "/" + Path.GetFileName(path), File.ReadAllText(path));
                partials.Add(partial.Name[(PartialsFolder.Length + 1)..], partial);
            }
        }

        return new LetterTemplateStore(templates, partials);
    }

    public static LetterTemplateStore FromTemplates(IEnumerable<LetterTemplate> templates) =>
        new(templates.ToDictionary(t => t.Name, StringComparer.Ordinal));

    /// <summary>Letters and shared parts given in memory (tests, the studio's validation of an edited letter).</summary>
    public static LetterTemplateStore FromTemplates(IEnumerable<LetterTemplate> templates, IEnumerable<LetterTemplate> partials) =>
        new(templates.ToDictionary(t => t.Name, StringComparer.Ordinal), partials.ToDictionary(t => t.Name, StringComparer.Ordinal));

    /// <summary>Parses one template (also used to validate an edited template before saving it).</summary>
    public static LetterTemplate Parse(string fileName, string source) => Parse(fileName, source, 0);

    /// <summary>Parses one version of a template (0: the file; n: the n-th edit saved in the studio).</summary>
    public static LetterTemplate Parse(string fileName, string source, int version)
    {
        var name = fileName.EndsWith(Extension, StringComparison.Ordinal) ? fileName[..^Extension.Length] : fileName;
        var parsed = Template.Parse(source, fileName);
        if (parsed.HasErrors)
        {
            var error = parsed.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new LetterTemplateException(fileName, error.Span.Start.Line + 1, error.Span.Start.Column + 1, error.Message);
        }

        return new LetterTemplate(name, fileName, source, parsed, version);
    }

    /// <summary>The letters (not the shared parts), by name.</summary>
    public IEnumerable<LetterTemplate> Letters => _templates.Values;

    /// <summary>The template of a key (<see cref="LetterTemplateKeys"/>: a letter, or a shared part), or null.</summary>
    public LetterTemplate? Find(string key) => LetterTemplateKeys.IsPartial(key)
        ? Partials.GetValueOrDefault(LetterTemplateKeys.PartialName(key))
        : _templates.GetValueOrDefault(key);

    /// <summary>Every key of the store: the letters, then the shared parts, each sorted.</summary>
    public IEnumerable<string> Keys => TemplateNames.Concat(Partials.Keys.Order(StringComparer.Ordinal).Select(LetterTemplateKeys.ForPartial));

    /// <summary>This store with some templates replaced (each by its key: <paramref name="replacements"/>' keys), e.g. the
    /// versions edited in the studio over the files, or a draft being previewed.</summary>
    public LetterTemplateStore With(IReadOnlyDictionary<string, LetterTemplate> replacements)
    {
        if (replacements.Count == 0) return this;
        var templates = new Dictionary<string, LetterTemplate>(_templates, StringComparer.Ordinal);
        var partials = new Dictionary<string, LetterTemplate>(Partials, StringComparer.Ordinal);
        foreach (var (key, template) in replacements)
        {
            if (LetterTemplateKeys.IsPartial(key)) partials[LetterTemplateKeys.PartialName(key)] = template;
            else templates[key] = template;
        }
        return new LetterTemplateStore(templates, partials);
    }

    public LetterTemplate Get(string name) =>
        _templates.TryGetValue(name, out var template)
            ? template
            : throw new LetterTemplateException($"Unknown letter template '{name}'. Known: {string.Join(", ", TemplateNames)}.");
}
