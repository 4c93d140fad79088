namespace Reclamations.Domain.Letters;

/// <summary>
/// Stands for a value the model does not give (absent, null or blank). It is false in
/// <c>{{ if … }}</c>, and writing it into a letter fails with a <see cref="LetterRenderException"/>
/// naming <see cref="Path"/>.
/// </summary>
internal sealed class MissingValue
{
    public MissingValue(string path) => Path = path;

    // Internal, so templates cannot read it as a member.
    internal string Path { get; }

    public override string ToString() => string.Empty;
}
