namespace Reclamations.Domain.Profiles;

/// <summary>A stored deadline profile: the <see cref="Deadlines.DeadlineProfile"/> as JSON, in its current version.</summary>
public sealed class DeadlineProfileEntity
{
    public required string Code { get; init; }

    public required string Json { get; set; }

    /// <summary>1 for the first version, one more at each save; every version is kept in <see cref="DeadlineProfileVersion"/>.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "system";
}
