using Reclamations.Domain.Audit;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Register;
using Reclamations.Engine.Api;

namespace Reclamations.Web.Complaints;

/// <summary>A case file as <c>GET /api/complaints/{id}</c> answers it: the complaint, its letters (without their text:
/// <c>GET …/letters/{letterId}</c> gives it), documents, corrective actions, the open tasks the reader may see, and the
/// timeline (audit rows).</summary>
public sealed record CaseFileResponse(
    Complaint Complaint,
    IReadOnlyList<CaseFileLetter> Letters,
    IReadOnlyList<ComplaintDocument> Documents,
    IReadOnlyList<CorrectiveAction> CorrectiveActions,
    IReadOnlyList<TaskInfo> OpenTasks,
    IReadOnlyList<AuditEntry> Timeline)
{
    public static CaseFileResponse From(ComplaintCaseFile file, IReadOnlyList<TaskInfo> openTasks) => new(
        file.Complaint,
        [.. file.Letters.Select(l => new CaseFileLetter(l.Id, l.TemplateName, l.Recipient, l.Subject, l.CreatedAt, l.SentAt, l.Sha256))],
        file.Documents,
        file.CorrectiveActions,
        openTasks,
        file.Audit);
}

/// <summary>A letter of the case file as sent (its SHA-256 proves the kept text unchanged).</summary>
public sealed record CaseFileLetter(Guid Id, string TemplateName, string Recipient, string Subject, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, string Sha256);
