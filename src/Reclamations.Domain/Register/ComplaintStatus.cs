namespace Reclamations.Domain.Register;

public enum ComplaintStatus
{
    Registered,
    InProgress,
    Answered,
    SecondLevel,
    Litigation,
    Closed,
}
