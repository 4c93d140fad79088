using Reclamations.Domain.Register;

namespace Reclamations.Domain.CorrectiveActions;

/// <summary>A corrective action to record: its type, what is to be done, who owns it (a user id) and by when.</summary>
public sealed record NewCorrectiveAction(CorrectiveActionType Type, string Description, string Owner, DateOnly DueDate);
