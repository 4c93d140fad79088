using System.Collections;

namespace Reclamations.Domain.Letters;

/// <summary>
/// Stands for a value the model does not give (absent, null or blank). It is false in
/// <c>{{ if … }}</c>; writing it into a letter, or iterating it (<c>for</c>, <c>array.join</c>),
/// fails with a <see cref="LetterRenderException"/> naming <see cref="Path"/>.
/// </summary>
internal sealed class MissingValue : IEnumerable
{
    public MissingValue(string path) => Path = path;

    // Internal, so templates cannot read it as a member.
    internal string Path { get; }

    public IEnumerator GetEnumerator() => throw new MissingValueException(Path);

    public override string ToString() => string.Empty;
}
