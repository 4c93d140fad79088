namespace Reclamations.Domain.Profiles;

/// <summary>One saved version of a deadline profile, with who saved it and when (never changed afterwards): a complaint
/// records the version its deadlines were computed with.</summary>
public sealed class DeadlineProfileVersion
{
    public required string Code { get; init; }

    public required int Version { get; init; }

    public required string Json { get; init; }

    public required DateTimeOffset SavedAt { get; init; }

    public required string SavedBy { get; init; }

    /// <summary>The profile as this version stored it.</summary>
    public Deadlines.DeadlineProfile ReadProfile() => DeadlineProfileJson.Read(Json);
}
