namespace Reclamations.Domain.Register;

/// <summary>
/// Register query. Dates are local dates in the firm's time zone, both bounds included.
/// <see cref="Overdue"/>: the response due date has passed (as of now in the firm's zone) and no answer was given.
/// </summary>
public sealed record ComplaintFilter
{
    public ComplaintStatus? Status { get; init; }

    public string? Category { get; init; }

    public string? Profile { get; init; }

    public DateOnly? ReceivedFrom { get; init; }

    public DateOnly? ReceivedTo { get; init; }

    public bool? Overdue { get; init; }

    /// <summary>Product or service, exactly as recorded.</summary>
    public string? Product { get; init; }

    public ComplaintChannel? Channel { get; init; }

    public string? Insurer { get; init; }

    /// <summary>One of the persons involved (a user id, or the name recorded).</summary>
    public string? Person { get; init; }

    /// <summary>founded, partlyFounded, unfounded, notComplaint, litigation (the litigation branch started or a threat of legal
    /// action), pending (none yet) — as the dashboard counts them.</summary>
    public string? Outcome { get; init; }

    /// <summary>True: not closed.</summary>
    public bool? Open { get; init; }

    /// <summary>A missed deadline: acknowledgement, response (with a breach during litigation) or secondLevel.</summary>
    public string? Breach { get; init; }

    /// <summary>Referred to, or received through, this body.</summary>
    public ReferralBody? Referral { get; init; }

    /// <summary>Has a corrective action that is open, overdue (open, past its due date), done or cancelled.</summary>
    public string? Action { get; init; }

    /// <summary>The outcome values <see cref="Outcome"/> takes.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = ["founded", "partlyFounded", "unfounded", "notComplaint", "litigation", "pending"];

    public static IReadOnlyList<string> Breaches { get; } = ["acknowledgement", "response", "secondLevel"];

    public static IReadOnlyList<string> Actions { get; } = ["open", "overdue", "done", "cancelled"];
}
