namespace Reclamations.Domain.Profiles;

/// <summary>A stored deadline profile: the <see cref="Deadlines.DeadlineProfile"/> as JSON.</summary>
public sealed class DeadlineProfileEntity
{
    public required string Code { get; init; }

    public required string Json { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
