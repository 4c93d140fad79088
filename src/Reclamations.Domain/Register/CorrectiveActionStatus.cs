namespace Reclamations.Domain.Register;

public enum CorrectiveActionStatus
{
    Open,
    Done,
    Cancelled,
}
