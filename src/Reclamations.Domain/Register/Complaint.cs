namespace Reclamations.Domain.Register;

/// <summary>
/// One entry of the complaints register. Identity, reference, creation time and revision are set by
/// the register; everything else is changed through <see cref="ComplaintRegister.UpdateAsync"/>, which
/// audits each changed field.
/// </summary>
public sealed class Complaint
{
    public Guid Id { get; internal set; }

    /// <summary>E.g. <c>REC-2026-00001</c>: sequential per year, never reused.</summary>
    public string Reference { get; internal set; } = "";

    public required Complainant Complainant { get; set; }

    /// <summary>The representative (mandataire, ayant droit; ACPR counts them as complainants) who makes the complaint for the
    /// client: the letters go to them and name the client. Null: the client complains in person.</summary>
    public Representative? Representative { get; set; }

    /// <summary>The complaint reached the firm through the mediator or the CAA (their reference below); null: directly.</summary>
    public ReferralBody? ReceivedThrough { get; set; }

    public string? ReceivedThroughReference { get; set; }

    /// <summary>How many times the complaint was reopened after being closed (reporting counts it once, flagged).</summary>
    public int ReopenCount { get; set; }

    /// <summary>The dates it was reopened on (the deadlines then run again from the latest).</summary>
    public List<DateOnly> ReopenedOn { get; set; } = [];

    /// <summary>The date the first written complaint was sent (postmark, email date), when known.</summary>
    public DateOnly? SentAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public ComplaintChannel Channel { get; set; }

    public bool IsOral { get; set; }

    public string Subject { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Code of a <see cref="Category"/>.</summary>
    public string Category { get; set; } = "";

    public string? ContractReference { get; set; }

    public string? ProductOrService { get; set; }

    public string? Insurer { get; set; }

    /// <summary>The persons the complaint is about (never the reviewer).</summary>
    public List<string> PersonsInvolved { get; set; } = [];

    /// <summary>Other parties involved (insurer, third parties).</summary>
    public List<string> OtherParties { get; set; } = [];

    public string? UsualContact { get; set; }

    public string? Handler { get; set; }

    public string? Reviewer { get; set; }

    /// <summary>Code of the deadline profile the deadlines were computed with.</summary>
    public string ProfileCode { get; set; } = "";

    /// <summary>The version of that profile the deadlines were computed with (a later edit of the profile changes nothing here).</summary>
    public int ProfileVersion { get; set; }

    /// <summary>An oral complaint's written confirmation: the date it was sent (it starts the answer clock under a profile
    /// whose clock starts at the first written complaint), once recorded.</summary>
    public DateOnly? WrittenConfirmationSentAt { get; set; }

    public ComplaintLevel Level { get; set; }

    public DateOnly ClockStart { get; set; }

    public DateOnly AcknowledgementDueDate { get; set; }

    /// <summary>The day the acknowledgement reminder goes out (stored at registration).</summary>
    public DateOnly? AcknowledgementReminderDate { get; set; }

    public DateOnly ResponseDueDate { get; set; }

    /// <summary>The day the handler is asked whether a delay letter is needed (stored at registration).</summary>
    public DateOnly? ResponseReminderDate { get; set; }

    /// <summary>The answer date announced by the latest delay letter, if any.</summary>
    public DateOnly? AnswerExpectedOn { get; set; }

    public DateOnly ExternalRecourseFrom { get; set; }

    public DateOnly ExternalRecourseUntil { get; set; }

    /// <summary>The second-level review's deadline (ACPR: the first answer's deadline, one clock for every level).</summary>
    public DateOnly? SecondLevelDueDate { get; set; }

    /// <summary>The day the second-level reminder goes out.</summary>
    public DateOnly? SecondLevelReminderDate { get; set; }

    /// <summary>Who in Direction validated the latest answer before it was sent (seed 004), and when.</summary>
    public string? AnswerValidatedBy { get; set; }

    public DateTimeOffset? AnswerValidatedAt { get; set; }

    /// <summary>The complaints officer who countersigned the latest answer (seed 004: printed on the letter), and when.</summary>
    public string? AnswerCountersignedBy { get; set; }

    public DateTimeOffset? AnswerCountersignedAt { get; set; }

    /// <summary>The independent review's findings (seed 000: « documenter toutes les mesures »).</summary>
    public string? ReviewFindings { get; set; }

    /// <summary>The meeting or call in which the firm explained its position to the client: its date and summary.</summary>
    public DateOnly? MeetingDate { get; set; }

    public string? MeetingSummary { get; set; }

    /// <summary>Why the answer could not be given in time, as the latest delay letter told the client.</summary>
    public string? DelayReasons { get; set; }

    /// <summary>Why the answer could not be given in time, as the complaints officer documented the breach.</summary>
    public string? LateAnswerReasons { get; set; }

    /// <summary>The remedial offer made (text, amount in euros).</summary>
    public string? OfferText { get; set; }

    public long? OfferAmount { get; set; }

    /// <summary>Who approved the offer (the professional-liability partner) and when.</summary>
    public string? OfferApprovedBy { get; set; }

    public DateTimeOffset? OfferApprovedAt { get; set; }

    /// <summary>Who validated the offer for Direction and when.</summary>
    public string? OfferValidatedBy { get; set; }

    public DateTimeOffset? OfferValidatedAt { get; set; }

    /// <summary>The second-level review's decision (maintained / revised) and its reasons.</summary>
    public string? SecondLevelDecision { get; set; }

    public string? SecondLevelReasons { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>founded, partlyFounded, unfounded, legalThreat, notComplaint.</summary>
    public string? Outcome { get; set; }

    public string? AnswerSummary { get; set; }

    public string? Dysfunctions { get; set; }

    /// <summary>The root causes found by the complaints officer (codes of <see cref="Reporting.RootCauses.RootCause"/>, seed 004:
    /// « identifier la cause des réclamations individuelles »).</summary>
    public List<string> RootCauses { get; set; } = [];

    /// <summary>The complaints officer's flag: the cause is recurring or systemic (seed 004), not a one-off.</summary>
    public bool Systemic { get; set; }

    public string? ClientReaction { get; set; }

    /// <summary>Deadlines missed, e.g. <c>acknowledgement</c>, <c>response</c>.</summary>
    public List<string> DeadlineBreaches { get; set; } = [];

    public ComplaintStatus Status { get; set; }

    public Guid? ProcessInstanceId { get; set; }

    /// <summary>Litigation or inspection: while set, the retention job never erases the complaint's personal data (and its
    /// process instances are under the engine's legal hold).</summary>
    public bool LegalHold { get; set; }

    /// <summary>Why the legal hold was set (or last cleared).</summary>
    public string? LegalHoldReason { get; set; }

    /// <summary>When the litigation branch started (threat of legal action, seeds 000 and 004): shown to every reader of the
    /// register, with the status « Contentieux ».</summary>
    public DateTimeOffset? LitigationStartedAt { get; set; }

    /// <summary>When the litigation branch ended (its outcome recorded): shown to every reader of the register.</summary>
    public DateTimeOffset? LitigationEndedAt { get; set; }

    /// <summary>The professional-liability insurer's claim reference. Restricted: see <see cref="LitigationDetails"/>.</summary>
    public string? LitigationClaimReference { get; set; }

    /// <summary>The counsel chosen to defend the claim. Restricted: see <see cref="LitigationDetails"/>.</summary>
    public string? LitigationCounsel { get; set; }

    /// <summary>The litigation's outcome. Restricted: see <see cref="LitigationDetails"/>.</summary>
    public string? LitigationOutcome { get; set; }

    /// <summary>Who alone may read the litigation details (the litigation step's reader groups, comma-separated); null
    /// until details are recorded.</summary>
    public string? LitigationReaderGroups { get; set; }

    /// <summary>When the retention job erased the complaint's personal data; null: not erased.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; set; }

    public DateTimeOffset CreatedAt { get; internal set; }

    /// <summary>A shallow copy (lists shared), for a reader's redacted view.</summary>
    internal Complaint Copy() => (Complaint)MemberwiseClone();

    /// <summary>Optimistic concurrency token, bumped by every update.</summary>
    public long Revision { get; internal set; }
}
