namespace Reclamations.Domain.Letters;

/// <summary>A missing value was used where a value is needed (turned into a <see cref="LetterRenderException"/>).</summary>
internal sealed class MissingValueException(string path) : Exception($"No value for '{path}'.")
{
    public string Path { get; } = path;
}
