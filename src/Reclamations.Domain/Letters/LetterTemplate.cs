using Scriban;

namespace Reclamations.Domain.Letters;

/// <summary>A parsed, valid letter template.</summary>
public sealed class LetterTemplate
{
    internal LetterTemplate(string name, string fileName, string source, Template parsed, int version = 0)
    {
        Version = version;
        Name = name;
        FileName = fileName;
        Source = source;
        Parsed = parsed;
    }

    /// <summary>Name without extension, e.g. <c>accuse-reception</c>.</summary>
    public string Name { get; }

    public string FileName { get; }

    public string Source { get; }

    /// <summary>The version in force when it was loaded: 0 for the file of <c>templates/</c>, n for the n-th saved edit
    /// (<see cref="LetterTemplateVersion"/>).</summary>
    public int Version { get; }

    internal Template Parsed { get; }
}
