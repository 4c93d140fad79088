namespace Reclamations.Domain.Reporting.Annual;

/// <summary>One complaint of the year in the CAA reporting's table: reference, dates and classification, no personal data.</summary>
public sealed record AnnualComplaintRow(string Reference, DateOnly ReceivedOn, string Profile, string Channel, string Category, string CaaType,
    string CaaTypeLabel, DateOnly? AcknowledgedOn, DateOnly? AnsweredOn, string Outcome, bool? AcknowledgementMet, bool? AnswerMet,
    bool Reopened, bool ReferredToCaa, int CorrectiveActions);

/// <summary>One complaint of the year about an insurer's contract, for that insurer: reference, dates, category, product,
/// contract, outcome, deadlines met, corrective actions; never the complainant's name nor the litigation's details.</summary>
public sealed record InsurerComplaintRow(string Reference, DateOnly ReceivedOn, DateOnly? AcknowledgedOn, DateOnly? AnsweredOn, string Category,
    string? Product, string? Contract, string Outcome, bool? AcknowledgementMet, bool? AnswerMet, string CorrectiveActions);

/// <summary>An insurer named on complaints of the year, with how many.</summary>
public sealed record InsurerCount(string Insurer, int Complaints);

/// <summary>A year and scope resolved: the profiles it covers and the situation date.</summary>
public sealed record AnnualScope(int Year, string Scope, string Label, IReadOnlyList<string> Profiles, DateTimeOffset Start, DateTimeOffset End,
    DateTimeOffset SituationAt);
