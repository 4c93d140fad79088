namespace Reclamations.Domain.Reporting.RootCauses;

/// <summary>One edit of the root-cause list or of a cause's links to corrective actions (who, when, what).</summary>
public sealed class RootCauseChange
{
    public long Id { get; init; }

    public required string Code { get; init; }

    public DateTimeOffset At { get; init; }

    public required string User { get; init; }

    public required string Action { get; init; }

    public string Details { get; init; } = "{}";
}
