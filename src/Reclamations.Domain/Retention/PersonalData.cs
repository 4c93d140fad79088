namespace Reclamations.Domain.Retention;

/// <summary>
/// What the retention erases and what it keeps. Kept: the statistics of the register (dates, category, profile, channel,
/// level, status, outcome, breaches, the kind of complainant), the firm's own people and actions, the technical ids.
/// Everything else of an audit row's details is taken for personal data and erased (a list of what is kept, so that a
/// field added later is erased unless someone decides otherwise).
/// </summary>
public static class PersonalData
{
    /// <summary>The audit detail fields (top-level names of <c>AuditEntry.Details</c>) the erasure keeps.</summary>
    public static readonly IReadOnlySet<string> KeptAuditFields = new HashSet<string>(StringComparer.Ordinal)
    {
        // Register statistics.
        "status", "category", "profileCode", "channel", "level", "isOral", "complainant.kind", "outcome", "deadlineBreaches",
        "sentAt", "receivedAt", "clockStart", "acknowledgementDueDate", "responseDueDate", "answerExpectedOn",
        "externalRecourseFrom", "externalRecourseUntil", "secondLevelDueDate", "acknowledgedAt", "answeredAt", "closedAt",
        "productOrService", "insurer", "dysfunctions", "rootCauses", "systemic",
        // The firm's people, the legal hold and the erasure.
        "handler", "reviewer", "personsInvolved", "legalHold", "personalDataErasedAt", "processInstanceId",
        // Letters and documents: what, never who or what they said.
        "template", "recipient", "kind", "contentType", "size", "sha256", "uploadedAt", "uploadedBy", "letter", "postedOn",
        "outbox", "fields",
    };

    /// <summary>Whether an audit detail field is kept by the erasure (corrective actions' statuses are kept too).</summary>
    public static bool KeepsAuditField(string name) =>
        KeptAuditFields.Contains(name) || (name.StartsWith("correctiveActions.", StringComparison.Ordinal) && name.EndsWith(".status", StringComparison.Ordinal));

    /// <summary>The text a complainant's name, a letter's subject, a document's name is replaced with.</summary>
    public const string Erased = "[effacé]";
}
