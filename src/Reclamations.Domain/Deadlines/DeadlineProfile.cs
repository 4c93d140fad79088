using Reclamations.Domain.Calendars;

namespace Reclamations.Domain.Deadlines;

/// <summary>
/// The regulatory deadlines of one jurisdiction (or of a firm's own policy). Editable data:
/// a plain record that round-trips through System.Text.Json (enums as strings).
/// </summary>
public sealed record DeadlineProfile
{
    public const string DefaultTimeZoneId = "Europe/Paris";

    /// <summary>Stable code, e.g. "FR-ACPR", "LU-CAA".</summary>
    public required string Code { get; init; }

    /// <summary>Display name (French).</summary>
    public required string Name { get; init; }

    /// <summary>ISO country code of the regulator, e.g. "FR", "LU".</summary>
    public required string Jurisdiction { get; init; }

    public required CalendarKind CalendarKind { get; init; }

    public required HolidayRegion HolidayRegion { get; init; }

    /// <summary>IANA time zone in which dates are read and timers fire.</summary>
    public string TimeZoneId { get; init; } = DefaultTimeZoneId;

    public required ClockStart ClockStart { get; init; }

    /// <summary>Acknowledgement deadline in working days of <see cref="CalendarKind"/>.</summary>
    public int AcknowledgementWorkingDays { get; init; } = 10;

    /// <summary>How many working days before the acknowledgement deadline its reminder goes out.</summary>
    public int AcknowledgementReminderWorkingDays { get; init; } = 2;

    /// <summary>Deadline for the answer, from the clock start.</summary>
    public required DeadlinePeriod ResponsePeriod { get; init; }

    /// <summary>Period after the clock start from the end of which the external body can be seized.</summary>
    public required DeadlinePeriod ExternalRecourseFrom { get; init; }

    /// <summary>Period after the clock start during which the external body can still be seized.</summary>
    public required DeadlinePeriod ExternalRecourseUntil { get; init; }

    /// <summary>How many days before the answer deadline the handler is asked whether a delay letter is needed.</summary>
    public int ResponseReminderDays { get; init; } = 10;

    /// <summary>Deadline of the second-level (internal) review from the clock start; null when one clock serves every level
    /// (ACPR: the second level is due at the first answer's deadline, or at once when it has passed).</summary>
    public DeadlinePeriod? SecondLevelPeriod { get; init; }

    /// <summary>How many days before the second-level deadline its reminder goes out.</summary>
    public int SecondLevelReminderDays { get; init; } = 10;

    /// <summary>How long the firm waits for the client's reaction to an answer before closing the complaint.</summary>
    public DeadlinePeriod ClientReplyPeriod { get; init; } = DeadlinePeriod.OfMonths(2);

    /// <summary>The mediator or regulator named in letters (French).</summary>
    public required string RecourseBodyName { get; init; }

    /// <summary>The group that gives the second-level review (seed 003: the person responsible for the complaint-handling
    /// process, FR; seed 004: Direction, LU). The persons who examined or approved the first level may not give it.</summary>
    public string SecondLevelReviewerGroup { get; init; } = "ComplaintsOfficer";

    /// <summary>Every answer and every refusal is validated by Direction before it is sent (seed 004, LU).</summary>
    public bool DirectionValidatesAnswers { get; init; }

    /// <summary>Every answer is countersigned by the complaints officer before it is sent, who and when recorded and
    /// printed on the letter (seed 004, LU).</summary>
    public bool OfficerCountersignsAnswers { get; init; }

    /// <summary>Direction is informed of every new complaint on receipt (seed 004, LU).</summary>
    public bool DirectionInformedOnReceipt { get; init; }

    /// <summary>What the answer deadline's breach records while the litigation branch runs (default: a breach « pendant
    /// contentieux », distinct from a plain one).</summary>
    public LitigationBreachPolicy LitigationBreachPolicy { get; init; } = LitigationBreachPolicy.RecordAsLitigation;

    /// <summary>Whether a delay letter postpones the date from which the external body can be seized by as many days
    /// as it postpones the answer (LU-CAA).</summary>
    public bool DelayExtendsExternalRecourse { get; init; }
}
