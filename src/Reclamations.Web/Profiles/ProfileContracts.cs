namespace Reclamations.Web.Profiles;

/// <summary>The deadlines a profile gives a complaint received (and sent) on given dates.</summary>
public sealed record DeadlinesResponse(DateOnly ClockStart, DateOnly AcknowledgementDueDate, DateOnly ResponseDueDate,
    DateOnly MediatorFrom, DateOnly MediatorUntil, DateOnly? SecondLevelDueDate);
