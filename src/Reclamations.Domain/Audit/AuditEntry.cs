namespace Reclamations.Domain.Audit;

/// <summary>One line of a complaint's audit trail. Append-only: the context refuses to update or delete it; the only
/// later change is the erasure of personal values (<see cref="AuditErasure"/>), which keeps the digests.</summary>
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

    /// <summary>Who alone may read this row, comma-separated (the reader groups of the process step that wrote it, e.g. the
    /// litigation branch's letters and details); null: whoever reads the case file. Covered by the MAC when set.</summary>
    public string? ReaderGroups { get; init; }

    /// <summary>Whether a reader holding <paramref name="groups"/> may read this row.</summary>
    public bool ReadableBy(IEnumerable<string> groups) =>
        ReaderGroups is null || groups.Any(g => ReaderGroups.Split(',', StringSplitOptions.RemoveEmptyEntries).Contains(g));

    /// <summary>The column value for <paramref name="groups"/> (null when none).</summary>
    public static string? GroupsOf(IReadOnlyCollection<string>? groups) => groups is { Count: > 0 } ? string.Join(',', groups) : null;

    /// <summary>Position in the audit chain (1, 2, …, unique, no gap), set when the row is written.</summary>
    public long? Sequence { get; internal set; }

    /// <summary><see cref="Details"/> with every value replaced by its SHA-256 (<see cref="AuditDigests"/>): what the
    /// <see cref="Mac"/> covers, so that a value erased later leaves the chain verifiable.</summary>
    public string? ValueDigests { get; internal set; }

    /// <summary>HMAC-SHA-256 (key <c>Audit:Key</c>) of the previous row's MAC and this row's fields and digests.</summary>
    public string? Mac { get; internal set; }

    /// <summary>When personal values were erased from <see cref="Details"/> (retention); null: the row is whole.</summary>
    public DateTimeOffset? ErasedAt { get; internal set; }
}
