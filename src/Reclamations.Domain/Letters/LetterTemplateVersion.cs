namespace Reclamations.Domain.Letters;

/// <summary>One saved version of a letter template or of a shared part, edited in the studio (<c>/studio/courriers</c>).
/// Append-only: each save adds version n+1 with who, when and why, so the rows are the template's audit trail; the highest
/// version of a key is the one in force. Version 0 is the file of <c>templates/</c> (never stored).</summary>
public sealed class LetterTemplateVersion
{
    public long Id { get; init; }

    /// <summary>The template's key (<see cref="LetterTemplateKeys"/>): <c>accuse-reception</c>, <c>_partials.letterhead</c>.</summary>
    public required string Name { get; init; }

    /// <summary>1, 2, … (unique per <see cref="Name"/>).</summary>
    public int Version { get; init; }

    public required string Body { get; init; }

    /// <summary>The user who saved it (the signed-in actor's id).</summary>
    public required string Author { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Comment { get; init; }
}
