using Reclamations.Domain.Register;

namespace Reclamations.Domain.Reporting.Annual;

/// <summary>What the annual documents read of a complaint (no personal data: neither the complainant nor the free texts).</summary>
internal sealed class ComplaintFacts
{
    public Guid Id { get; init; }
    public string Reference { get; init; } = "";
    public DateTimeOffset ReceivedAt { get; init; }
    public ComplaintChannel Channel { get; init; }
    public string Category { get; init; } = "";
    public string ProfileCode { get; init; } = "";
    public DateOnly ClockStart { get; init; }
    public DateOnly AcknowledgementDueDate { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateOnly ResponseDueDate { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? Outcome { get; init; }
    public List<string> DeadlineBreaches { get; init; } = [];
    public ComplaintLevel Level { get; init; }
    public bool HasSecondLevelDecision { get; init; }
    public int ReopenCount { get; init; }
    public List<DateOnly> ReopenedOn { get; init; } = [];
    public ReferralBody? ReceivedThrough { get; init; }
    public DateTimeOffset? LitigationStartedAt { get; init; }
    public bool HasDysfunction { get; init; }
    public List<string> RootCauses { get; init; } = [];
    public bool Systemic { get; init; }
    public string? ProductOrService { get; init; }
    public string? ContractReference { get; init; }
    public string? Insurer { get; init; }
}

/// <summary>A deadline's state at the situation date.</summary>
internal enum DeadlineState
{
    Met,
    Missed,
    Pending,
}

/// <summary>A complaint as it stood at the situation date: the dates that had happened by then, the deadlines' states, the
/// outcome (<see cref="AnnualLabels.Outcomes"/> codes).</summary>
internal sealed record ComplaintSituation(
    DateOnly ReceivedOn, DateOnly? AcknowledgedOn, DateOnly? AnsweredOn, DeadlineState? Acknowledgement, DeadlineState? Answer,
    DeadlineState? SecondLevel, string Outcome, bool Reopened, bool Litigation, int? AnswerDays)
{
    public static ComplaintSituation Of(ComplaintFacts f, DateTimeOffset situationAt, TimeZoneInfo zone)
    {
        var today = Engine.Api.ZonedTime.LocalDate(situationAt, zone);
        DateOnly? Day(DateTimeOffset? at) => at is { } x && x <= situationAt ? Engine.Api.ZonedTime.LocalDate(x, zone) : null;
        var acknowledged = Day(f.AcknowledgedAt) ?? Day(f.AnsweredAt);
        var answered = Day(f.AnsweredAt);
        var closed = Day(f.ClosedAt) is not null;
        var litigation = f.LitigationStartedAt is { } l && l <= situationAt || f.Outcome == "legalThreat";
        var notComplaint = f.Outcome == "notComplaint";
        DeadlineState? ack = null, answer = null, second = null;
        int? days = null;
        if (!notComplaint)
        {
            ack = f.DeadlineBreaches.Contains("acknowledgement") || acknowledged > f.AcknowledgementDueDate
                  || acknowledged is null && f.AcknowledgementDueDate < today
                ? DeadlineState.Missed
                : acknowledged is null ? DeadlineState.Pending : DeadlineState.Met;
            answer = f.DeadlineBreaches.Contains("response") || f.DeadlineBreaches.Contains("responseDuringLitigation") || answered > f.ResponseDueDate
                     || answered is null && !litigation && f.ResponseDueDate < today
                ? DeadlineState.Missed
                : answered is null ? DeadlineState.Pending : DeadlineState.Met;
            if (f.Level == ComplaintLevel.Second || f.HasSecondLevelDecision || f.DeadlineBreaches.Contains("secondLevel"))
                second = f.DeadlineBreaches.Contains("secondLevel") ? DeadlineState.Missed : closed ? DeadlineState.Met : DeadlineState.Pending;
            if (answered is { } a) days = Math.Max(0, a.DayNumber - f.ClockStart.DayNumber);
        }

        var outcome = litigation ? "litigation"
            : notComplaint ? "notComplaint"
            : f.Outcome is "founded" or "partlyFounded" or "unfounded" && (answered is not null || closed) ? f.Outcome
            : "pending";
        var reopened = f.ReopenedOn.Count > 0 ? f.ReopenedOn.Any(d => d <= today) : f.ReopenCount > 0;
        return new ComplaintSituation(Engine.Api.ZonedTime.LocalDate(f.ReceivedAt, zone), acknowledged, answered, ack, answer, second, outcome,
            reopened, litigation, days);
    }

    /// <summary>Met: yes; missed: no; still running or not applicable: null.</summary>
    public static bool? Met(DeadlineState? state) => state switch { DeadlineState.Met => true, DeadlineState.Missed => false, _ => null };
}
