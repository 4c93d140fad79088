namespace Reclamations.Domain.Reporting;

/// <summary>The dashboard's figures for a <see cref="DashboardFilter"/>: counts only, no personal data (persons involved are
/// users of the firm, by display name; anyone else is counted under <see cref="DashboardFigures.OtherPersons"/>).</summary>
public sealed record DashboardFigures
{
    /// <summary>The label of the persons involved who are not users of the firm (free text: never shown by name).</summary>
    public const string OtherPersons = "Autres personnes (hors utilisateurs)";

    public required DashboardFilter Filter { get; init; }

    /// <summary>"Today" in the firm's zone: the ages of open complaints and overdue actions are counted from it.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The first day of each month of the period (the columns of the monthly series).</summary>
    public required IReadOnlyList<DateOnly> Months { get; init; }

    public required int Received { get; init; }

    /// <summary>Complaints received in the period that were reopened (each counted once, flagged here).</summary>
    public required int Reopened { get; init; }

    /// <summary>Received per month, one series per category (key: category code).</summary>
    public required IReadOnlyList<MonthlySeries> ReceivedByCategory { get; init; }

    /// <summary>Received per month, one series per channel (key: <see cref="Register.ComplaintChannel"/> name).</summary>
    public required IReadOnlyList<MonthlySeries> ReceivedByChannel { get; init; }

    /// <summary>Complaints of the selection still open, by status (key: <see cref="Register.ComplaintStatus"/> name).</summary>
    public required IReadOnlyList<Count> OpenByStatus { get; init; }

    /// <summary>Complaints of the selection still open, by age since receipt (key: an <see cref="AgeBucket"/> code).</summary>
    public required IReadOnlyList<Count> OpenByAge { get; init; }

    /// <summary>Per deadline (acknowledgement, response, secondLevel) and month of receipt: met and missed.</summary>
    public required IReadOnlyList<DeadlineSeries> Deadlines { get; init; }

    /// <summary>Calendar days from the clock start to the answer's sending, of the answered complaints of the selection.</summary>
    public required HandlingTime Handling { get; init; }

    /// <summary>Per month of receipt: median and p90 handling days (null: no answered complaint that month).</summary>
    public required IReadOnlyList<HandlingTime> HandlingByMonth { get; init; }

    /// <summary>Outcomes (key: founded, partlyFounded, unfounded, litigation, notComplaint, pending).</summary>
    public required IReadOnlyList<Count> Outcomes { get; init; }

    /// <summary>Per product (the most frequent first; key null: not given).</summary>
    public required IReadOnlyList<Count> ByProduct { get; init; }

    public required IReadOnlyList<Count> ByInsurer { get; init; }

    /// <summary>Per person involved (key: user id, label: display name; others under <see cref="OtherPersons"/>, key null).</summary>
    public required IReadOnlyList<Count> ByPerson { get; init; }

    /// <summary>Corrective actions of the selection's complaints (key: open, overdue, done, cancelled).</summary>
    public required IReadOnlyList<Count> CorrectiveActions { get; init; }

    /// <summary>Complaints taken to (referred) or received through the mediator and the CAA (key: Mediator, Caa).</summary>
    public required IReadOnlyList<ReferralCount> Referrals { get; init; }
}

/// <summary>A count under <paramref name="Key"/> (a code, or null for "not given" / "others") shown as <paramref name="Label"/>.</summary>
public sealed record Count(string? Key, string Label, int Value);

/// <summary>One value per month of <see cref="DashboardFigures.Months"/>.</summary>
public sealed record MonthlySeries(string Key, string Label, IReadOnlyList<int> Values);

public sealed record DeadlineSeries(string Key, string Label, IReadOnlyList<int> Met, IReadOnlyList<int> Missed);

/// <summary>Handling time in calendar days: how many answered, median and 90th percentile (nearest rank), null when none.</summary>
public sealed record HandlingTime(int Answered, int? Median, int? P90);

public sealed record ReferralCount(string Key, string Label, int Referred, int ReceivedThrough);

/// <summary>The age buckets of open complaints (calendar days since receipt, both bounds included; null: no upper bound).</summary>
public sealed record AgeBucket(string Key, string Label, int MinDays, int? MaxDays)
{
    public static IReadOnlyList<AgeBucket> All { get; } =
    [
        new("0-15", "0 à 15 jours", 0, 15),
        new("16-30", "16 à 30 jours", 16, 30),
        new("31-60", "31 à 60 jours", 31, 60),
        new("61-90", "61 à 90 jours", 61, 90),
        new("91+", "plus de 90 jours", 91, null),
    ];
}
