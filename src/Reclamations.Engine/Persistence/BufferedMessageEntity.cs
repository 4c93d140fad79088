namespace Reclamations.Engine.Persistence;

/// <summary>A message that found nothing waiting and was kept (Zeebe's time to live): delivered, once, to the first
/// subscription created for it before <see cref="ExpiresAt"/>; ignored (and deleted by the cleanup) after.</summary>
public sealed class BufferedMessageEntity
{
    public Guid Id { get; set; }
    public required string MessageName { get; set; }
    public string? BusinessKey { get; set; }
    public Guid? ProcessInstanceId { get; set; }

    /// <summary>Instance variables the receiving instance must have: JSON object name → { type, json } (as stored in Variables).</summary>
    public string? CorrelationKeys { get; set; }

    /// <summary>Variables delivered with the message: JSON object name → { type, json }.</summary>
    public string? Variables { get; set; }

    public string? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
