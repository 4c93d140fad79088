namespace Reclamations.Domain.Register;

/// <summary>A complaint taken to the mediator or to the CAA: when, their reference and, for the CAA, the firm's own answer
/// (seed 004: « le CAA … transmet une copie au professionnel en lui demandant de prendre position dans un délai pouvant aller
/// jusqu'à 30 jours ») with its deadline, shown with the days left on the case file.</summary>
public sealed class Referral
{
    public Guid Id { get; init; }

    public Guid ComplaintId { get; init; }

    public ReferralBody Body { get; init; }

    /// <summary>The day the complainant seized the body (or the body told the firm).</summary>
    public DateOnly ReferredOn { get; set; }

    /// <summary>The body's own file reference.</summary>
    public string? TheirReference { get; set; }

    /// <summary>CAA: the date by which the firm must give its position.</summary>
    public DateOnly? FirmAnswerDueOn { get; set; }

    /// <summary>CAA: the day the firm sent its position.</summary>
    public DateOnly? FirmAnsweredOn { get; set; }

    public string? Note { get; set; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
