namespace Reclamations.Domain.Letters;

/// <summary>One version of a letters setting (the firm's identity, the recourse bodies) as JSON. Append-only: an edit adds a
/// version with who and when, so the rows are the setting's audit trail; the latest version of a key is in force.</summary>
public sealed class LetterSettingEntity
{
    public long Id { get; init; }

    /// <summary><see cref="LetterSettingsStore.FirmKey"/> or <see cref="LetterSettingsStore.RecourseKey"/>.</summary>
    public required string Key { get; init; }

    public required string Json { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>The user who made the change (<c>configuration</c> for the first-start seed).</summary>
    public required string ChangedBy { get; init; }
}
