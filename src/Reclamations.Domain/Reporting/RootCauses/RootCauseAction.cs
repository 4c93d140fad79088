namespace Reclamations.Domain.Reporting.RootCauses;

/// <summary>A corrective action decided against a root cause (many actions per cause, an action may answer several).</summary>
public sealed class RootCauseAction
{
    public required string RootCauseCode { get; init; }

    public Guid CorrectiveActionId { get; init; }

    public DateTimeOffset LinkedAt { get; init; }

    public required string LinkedBy { get; init; }
}
