namespace Reclamations.Domain.Reporting.Annual;

/// <summary>The annual figures of the register for one year and scope (a profile, a jurisdiction, or every profile), as the
/// register stood at <see cref="SituationAt"/> (the end of the year, or now for the current year): figures only, no personal
/// data, no litigation detail. Complaints count in the year they were received; a reopened complaint counts once, flagged.
/// Built by <see cref="AnnualReporting"/> from the register alone (simulations run on their own sandbox database).</summary>
public sealed record AnnualFigures
{
    public required int Year { get; init; }

    /// <summary>The scope asked for: a profile code (<c>FR-ACPR</c>), a jurisdiction (<c>FR</c>, <c>LU</c>) or <c>tous</c>.</summary>
    public required string Scope { get; init; }

    public required string ScopeLabel { get; init; }

    public required IReadOnlyList<string> Profiles { get; init; }

    public required DateOnly PeriodStart { get; init; }

    public required DateOnly PeriodEnd { get; init; }

    /// <summary>The instant the figures are taken at: what happened after it (an answer, a closing) is not counted.</summary>
    public required DateTimeOffset SituationAt { get; init; }

    public required int Received { get; init; }

    /// <summary>Requests recorded but found not to be complaints (qualification): counted in <see cref="Received"/>, left out of
    /// the deadlines and answer times.</summary>
    public required int NotComplaints { get; init; }

    public required int Reopened { get; init; }

    public required IReadOnlyList<CountRow> ByMonth { get; init; }

    public required IReadOnlyList<CountRow> ByCategory { get; init; }

    public required IReadOnlyList<CountRow> ByChannel { get; init; }

    /// <summary>The seven types of the CAA reporting (seed 004), every one listed.</summary>
    public required IReadOnlyList<CountRow> ByCaaType { get; init; }

    public required IReadOnlyList<CountRow> Outcomes { get; init; }

    public required DeadlineFigures Acknowledgement { get; init; }

    public required DeadlineFigures Answer { get; init; }

    public required DeadlineFigures SecondLevel { get; init; }

    public required AnswerTimes AnswerTimes { get; init; }

    public required int SecondLevelCases { get; init; }

    public required int MediatorCases { get; init; }

    public required int CaaCases { get; init; }

    public required int LitigationCases { get; init; }

    /// <summary>Deadline breaches recorded, by deadline.</summary>
    public required IReadOnlyList<CountRow> Breaches { get; init; }

    public required int ComplaintsWithDysfunction { get; init; }

    public required int SystemicComplaints { get; init; }

    public required IReadOnlyList<CauseFigure> RootCauses { get; init; }

    public required IReadOnlyList<CountRow> CorrectiveActionsByStatus { get; init; }

    public required IReadOnlyList<ActionFigure> CorrectiveActions { get; init; }
}

/// <summary>A count under a code and its French label.</summary>
public sealed record CountRow(string Code, string Label, int Count);

/// <summary>A deadline over the year's complaints: met, missed, still running at the situation date.</summary>
public sealed record DeadlineFigures(int Met, int Missed, int Pending)
{
    public int Total => Met + Missed + Pending;

    /// <summary>Met among those decided (met or missed), in percent, one decimal; null when none is decided.</summary>
    public double? MetRate => Met + Missed == 0 ? null : Math.Round(100.0 * Met / (Met + Missed), 1);
}

/// <summary>Days from the clock's start to the answer's sending: how many answers, median, 90th percentile (nearest rank).</summary>
public sealed record AnswerTimes(int Answered, double? MedianDays, int? P90Days);

/// <summary>A root cause: complaints of the year given that cause, how many of them flagged systemic, actions linked.</summary>
public sealed record CauseFigure(string Code, string Label, int Count, int Systemic, int Actions);

/// <summary>A corrective measure planned or done: its kind, text, status at the situation date, dates; the complaint's
/// reference (no personal data).</summary>
public sealed record ActionFigure(string Type, string TypeLabel, string Description, string Status, string StatusLabel, DateOnly? DueDate,
    DateOnly? CreatedOn, DateOnly? ClosedOn, bool Overdue, string Reference);
