using Reclamations.Domain.Audit;
using Reclamations.Domain.Documents;

namespace Reclamations.Domain.Register;

/// <summary>A complaint with everything kept in its case file.</summary>
public sealed record ComplaintCaseFile(
    Complaint Complaint,
    IReadOnlyList<ComplaintDocument> Documents,
    IReadOnlyList<SentLetter> Letters,
    IReadOnlyList<CorrectiveAction> CorrectiveActions,
    IReadOnlyList<AuditEntry> Audit);
