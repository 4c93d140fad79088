namespace Reclamations.Domain.Letters;

/// <summary>
/// Stands for a model value that is null or blank. It is false in <c>{{ if … }}</c>, and writing it
/// into a letter fails with a <see cref="LetterRenderException"/> naming <see cref="Path"/>.
/// </summary>
internal sealed record MissingValue(string Path)
{
    public override string ToString() => string.Empty;
}
