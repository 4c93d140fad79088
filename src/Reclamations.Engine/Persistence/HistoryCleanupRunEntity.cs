namespace Reclamations.Engine.Persistence;

/// <summary>What one run of the history cleanup removed (reported by <c>GET /api/engine/history/cleanup</c>).</summary>
public sealed class HistoryCleanupRunEntity
{
    public Guid Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset EndedAt { get; set; }

    /// <summary>"window" (the scheduled cleanup) or "manual" (an operator's request).</summary>
    public required string Trigger { get; set; }

    public string? UserId { get; set; }
    public int Batches { get; set; }
    public int Instances { get; set; }
    public int HistoryRows { get; set; }
    public int VariableRows { get; set; }
    public int OtherRows { get; set; }
}
