using Scriban;

namespace Reclamations.Domain.Letters;

/// <summary>A parsed, valid letter template.</summary>
public sealed class LetterTemplate
{
    internal LetterTemplate(string name, string fileName, string source, Template parsed)
    {
        Name = name;
        FileName = fileName;
        Source = source;
        Parsed = parsed;
    }

    /// <summary>Name without extension, e.g. <c>accuse-reception</c>.</summary>
    public string Name { get; }

    public string FileName { get; }

    public string Source { get; }

    internal Template Parsed { get; }
}
