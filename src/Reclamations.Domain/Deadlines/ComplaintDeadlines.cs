namespace Reclamations.Domain.Deadlines;

/// <summary>
/// The deadlines of one complaint, as local dates in the profile's time zone. Each due date is the
/// last day on which the action is still in time; <see cref="ExternalRecourseFrom"/> is the day the
/// period before external recourse ends (the body can be seized once it has passed without a
/// satisfactory answer) and <see cref="ExternalRecourseUntil"/> the last day it can be seized.
/// </summary>
public sealed record ComplaintDeadlines(
    DateOnly ClockStart,
    DateOnly AcknowledgementDueDate,
    DateOnly ResponseDueDate,
    DateOnly ExternalRecourseFrom,
    DateOnly ExternalRecourseUntil,
    DateOnly? SecondLevelDueDate);
