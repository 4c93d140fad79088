using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Complaints;

namespace Reclamations.Web.Compliance;

/// <summary>
/// The complainant's right of access (RGPD art. 15): everything held about one person, found by e-mail address and/or
/// name (exact, case and accents as typed aside from case), as one ZIP — <c>donnees.json</c> (per complaint: the register's
/// entry, letters with their text, documents' metadata, corrective actions, audit rows, the process variables) and the
/// documents' files, with <c>manifeste.json</c>. The litigation letters stay out for readers outside their reader groups.
/// Audited on every complaint exported.
/// </summary>
public sealed class AccessExport(IDbContextFactory<DomainDbContext> dbFactory, ComplaintRegister register, DocumentStore documents,
    ProcessEngine engine, AuditRecorder audit, TimeProvider time)
{
    public const string Action = "Export du droit d'accès (RGPD art. 15)";

    /// <summary>The complaints of the person: null when none matches.</summary>
    /// <exception cref="RegisterValidationException">Neither an e-mail address nor a name was given.</exception>
    public async Task<(string FileName, byte[] Archive)?> BuildAsync(string? email, string? name, Actor actor, CancellationToken ct)
    {
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (email is null && name is null)
            throw new RegisterValidationException([new FieldError("email", "Indiquez l'adresse e-mail ou le nom du réclamant (email, name).")]);

        List<Guid> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var people = await db.Complaints.AsNoTracking()
                .Select(c => new { c.Id, c.Complainant.Name, c.Complainant.Email, c.ReceivedAt }).ToListAsync(ct);
            ids = people
                .Where(p => (email is null || string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase))
                            && (name is null || string.Equals(p.Name, name, StringComparison.CurrentCultureIgnoreCase)))
                .OrderBy(p => p.ReceivedAt).Select(p => p.Id).ToList();
        }

        if (ids.Count == 0) return null;
        using var zip = new ManifestZip();
        var complaints = new List<object>();
        foreach (var id in ids)
        {
            var file = CaseFileReaders.For(await register.GetAsync(id, ct), actor.Groups);
            var reference = file.Complaint.Reference;
            IReadOnlyDictionary<string, object?> variables = new Dictionary<string, object?>();
            if (file.Complaint.ProcessInstanceId is { } instanceId)
            {
                try
                {
                    variables = (await engine.GetProcessInstanceAsync(instanceId, actor, ct)).Variables;
                }
                catch (NotFoundException)
                {
                }
            }

            var delivered = new List<string>();
            foreach (var document in file.Documents)
            {
                try
                {
                    await using var opened = await documents.OpenAsync(document.Id, ct);
                    using var copy = new MemoryStream();
                    await opened.Content.CopyToAsync(copy, ct);
                    delivered.Add(zip.Add($"documents/{reference}/{SafeFileName.From(document.FileName)}", copy.ToArray()));
                }
                catch (DocumentIntegrityException)
                {
                    // An erased or missing file: its metadata below says what it was.
                }
            }

            complaints.Add(new
            {
                file.Complaint,
                Letters = file.Letters.Select(l => new { l.Id, l.TemplateName, l.Recipient, l.Subject, l.CreatedAt, l.SentAt, l.Sha256, l.PlainText, l.Html }),
                file.Documents,
                DocumentFiles = delivered,
                file.CorrectiveActions,
                Audit = file.Audit.Select(a => new { a.At, a.User, a.Action, a.Details, a.Sequence }),
                ProcessVariables = variables,
            });
        }

        var now = time.GetUtcNow();
        zip.AddJson("donnees.json", new { email, name, generatedAt = now, complaints });
        var (archive, manifestSha) = zip.Finish(new Dictionary<string, object?>
        {
            ["request"] = "RGPD art. 15 — droit d'accès", ["generatedAt"] = now, ["generatedBy"] = actor.Id, ["complaints"] = ids.Count,
        });
        await audit.RecordAsync(ids, actor.Id, Action, new { complaints = ids.Count, manifestSha256 = manifestSha }, ct);
        return ($"droit-acces-{now:yyyyMMdd-HHmmss}.zip", archive);
    }
}
