using Reclamations.Domain.Audit;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Register;
using Reclamations.Domain.Retention;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Accounts;
using Reclamations.Web.Complaints;

namespace Reclamations.Web.Compliance;

/// <summary>
/// The inspector's export: one complaint's case file as one ZIP — <c>dossier.json</c> (the register's entry and its
/// corrective actions), <c>courriers/*.pdf</c> (each letter as sent, PDF), <c>documents/*</c> (the files, integrity
/// checked), <c>chronologie.csv</c> (the timeline) and <c>manifeste.json</c> (SHA-256 of each file). What the reader may not
/// read stays out (the litigation letters for anyone outside their reader groups, as on the case file page). Audited.
/// </summary>
public sealed class InspectorExport(ComplaintRegister register, DocumentStore documents, ProcessEngine engine, AuditRecorder audit,
    UserDirectory users, RetentionOptions retention, TimeProvider time)
{
    public const string Action = "Export du dossier pour contrôle";

    public async Task<(string FileName, byte[] Archive)> BuildAsync(Guid complaintId, Actor actor, CancellationToken ct)
    {
        var file = CaseFileReaders.For(await register.GetAsync(complaintId, ct), actor.Groups);
        var complaint = file.Complaint;
        var names = await users.NamesAsync(ct);
        string? NameOf(string? id) => id is null ? null : names.GetValueOrDefault(id, id);
        var history = new List<HistoryEventInfo>();
        if (complaint.ProcessInstanceId is { } instanceId)
        {
            try
            {
                history.AddRange(await engine.GetHistoryAsync(instanceId, actor, ct));
            }
            catch (NotFoundException)
            {
                // Removed by the engine's history cleanup: the register's own trail remains.
            }
        }

        using var zip = new ManifestZip();
        zip.AddJson("dossier.json", new { complaint, file.CorrectiveActions });
        var index = 1;
        foreach (var letter in file.Letters)
            zip.Add($"courriers/{index++:00}-{letter.CreatedAt:yyyy-MM-dd}-{letter.TemplateName}.pdf", LetterPdf.Render(letter, complaint.Reference));
        var missing = new List<string>();
        foreach (var document in file.Documents)
        {
            try
            {
                await using var opened = await documents.OpenAsync(document.Id, ct);
                using var copy = new MemoryStream();
                await opened.Content.CopyToAsync(copy, ct);
                zip.Add($"documents/{SafeFileName.From(document.FileName)}", copy.ToArray());
            }
            catch (DocumentIntegrityException e)
            {
                missing.Add($"{document.FileName}: {e.Message}");
            }
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(retention.TimeZoneId);
        zip.Add("chronologie.csv", TimelineCsv.Write(CaseFileTimeline.Build(file, history, NameOf), zone));
        var now = time.GetUtcNow();
        var (archive, manifestSha) = zip.Finish(new Dictionary<string, object?>
        {
            ["reference"] = complaint.Reference,
            ["generatedAt"] = now,
            ["generatedBy"] = NameOf(actor.Id),
            ["personalDataErasedAt"] = complaint.PersonalDataErasedAt,
            ["documentsNotDelivered"] = missing,
        });
        await audit.RecordAsync([complaint.Id], actor.Id, Action,
            new { files = zip.Files.Count, manifestSha256 = manifestSha }, ct);
        return ($"{complaint.Reference}-dossier.zip", archive);
    }
}
