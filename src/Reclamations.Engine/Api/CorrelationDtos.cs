namespace Reclamations.Engine.Api;

/// <summary>A message to correlate, as Camunda's <c>correlate</c>: by default exactly one waiting execution (or message start
/// event) must match; <see cref="All"/> delivers to every match. Matching narrows by business key, instance id and instance
/// variables (<see cref="CorrelationKeys"/>: name → value, compared with the stored value and type). With a
/// <see cref="TimeToLive"/> a message that matches nothing is buffered and delivered, once, to the first matching
/// subscription created before it expires.</summary>
public sealed record CorrelationRequest(
    string MessageName,
    string? BusinessKey = null,
    Guid? ProcessInstanceId = null,
    IReadOnlyDictionary<string, object?>? CorrelationKeys = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    bool All = false,
    TimeSpan? TimeToLive = null);

/// <summary><see cref="Correlated"/> executions received the message (instances started by a message start event included),
/// or none and it was <see cref="Buffered"/> (its id: <see cref="BufferedMessageId"/>).</summary>
public sealed record CorrelationResult(int Correlated, IReadOnlyList<Guid> ProcessInstanceIds, bool Buffered = false,
    Guid? BufferedMessageId = null, DateTimeOffset? ExpiresAt = null);
