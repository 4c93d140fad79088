namespace Reclamations.Domain.Register;

/// <summary>A measure decided after a complaint (seed 000: training, procedures, products, staff measures), with its
/// owner (a user id of the firm), due date and status; an open action past its due date raises a task for its owner.</summary>
public sealed class CorrectiveAction
{
    public Guid Id { get; internal set; }

    public Guid ComplaintId { get; internal set; }

    public CorrectiveActionType Type { get; set; } = CorrectiveActionType.Procedure;

    public string Description { get; set; } = "";

    /// <summary>The user id of the person who owns the action.</summary>
    public string? Owner { get; set; }

    public DateOnly? DueDate { get; set; }

    public CorrectiveActionStatus Status { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>When the action was marked done or cancelled (null while open).</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the overdue task was raised for the owner (once per action).</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; set; }
}
