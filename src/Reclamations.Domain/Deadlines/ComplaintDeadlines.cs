namespace Reclamations.Domain.Deadlines;

/// <summary>
/// The deadlines of one complaint, as local dates in the profile's time zone, computed once at registration (and again only
/// when the facts they come from are corrected). Each due date is the last day on which the action is still in time; a
/// reminder date is the day its reminder goes out; <see cref="ExternalRecourseFrom"/> is the day the period before external
/// recourse ends (the body can be seized once it has passed without a satisfactory answer) and
/// <see cref="ExternalRecourseUntil"/> the last day it can be seized.
/// </summary>
public sealed record ComplaintDeadlines(
    DateOnly ClockStart,
    DateOnly AcknowledgementDueDate,
    DateOnly ResponseDueDate,
    DateOnly ExternalRecourseFrom,
    DateOnly ExternalRecourseUntil,
    DateOnly SecondLevelDueDate)
{
    /// <summary>The day the acknowledgement reminder goes out.</summary>
    public DateOnly AcknowledgementReminderDate { get; init; } = AcknowledgementDueDate;

    /// <summary>The day the handler is asked whether a delay letter is needed.</summary>
    public DateOnly ResponseReminderDate { get; init; } = ResponseDueDate;

    /// <summary>The day the second-level reminder goes out.</summary>
    public DateOnly SecondLevelReminderDate { get; init; } = SecondLevelDueDate;
}
