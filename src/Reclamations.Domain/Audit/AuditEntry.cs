namespace Reclamations.Domain.Audit;

/// <summary>One line of a complaint's audit trail. Append-only: the context refuses to update or delete it.</summary>
public sealed class AuditEntry
{
    public long Id { get; internal set; }

    public Guid ComplaintId { get; init; }

    public DateTimeOffset At { get; init; }

    public required string User { get; init; }

    /// <summary>French label, e.g. "Enregistrement", "Accusé de réception envoyé".</summary>
    public required string Action { get; init; }

    /// <summary>JSON object of the changed fields: <c>{"status":{"old":"Registered","new":"InProgress"}}</c>.</summary>
    public string Details { get; init; } = "{}";
}
