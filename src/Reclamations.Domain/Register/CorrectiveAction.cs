namespace Reclamations.Domain.Register;

/// <summary>A measure decided after a complaint (engagement, people, training, policies).</summary>
public sealed class CorrectiveAction
{
    public Guid Id { get; internal set; }

    public Guid ComplaintId { get; internal set; }

    public string Description { get; set; } = "";

    public string? Owner { get; set; }

    public DateOnly? DueDate { get; set; }

    public CorrectiveActionStatus Status { get; set; }
}
