namespace Reclamations.Domain.Register;

/// <summary>The level at which the complaint is being handled.</summary>
public enum ComplaintLevel
{
    First,
    Second,
    Mediator,
}
