using Reclamations.Domain.Audit;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Workflow;

/// <summary>Writes one letter of a complaint on a domain context (the caller's transaction): rendered strictly from the
/// register, the given variables, the complaint's profile (jurisdiction, recourse) and the firm's identity as stored now
/// (<see cref="LetterSettingsStore"/>), kept as sent in the case file, queued in the mail outbox when there is an address
/// (else kept for printing), and audited. The caller saves.</summary>
public sealed class LetterWriter(LetterRenderer renderer, FirmSettings firm, MailOptions mail, LetterSettingsStore settings,
    DeadlineProfileCatalog profiles, LetterReleaseOptions release, IPersonDirectory? people = null, LetterTemplateCatalog? templates = null)
{
    private readonly IPersonDirectory _people = people ?? NoPersonDirectory.Instance;

    /// <summary>What keeps a letter from leaving now: the firm identity's problems when a complete identity is required
    /// (outside Development), else nothing.</summary>
    public IReadOnlyList<string> ReleaseProblems(DomainDbContext db) =>
        release.RequireCompleteIdentity ? FirmIdentityCheck.Problems(settings.Read(db).Firm) : [];

    /// <summary>Refuses, naming every missing setting, when a letter may not leave (see <see cref="ReleaseProblems"/>).</summary>
    public void EnsureMayLeave(DomainDbContext db)
    {
        var problems = ReleaseProblems(db);
        if (problems.Count > 0) throw new FirmIdentityIncompleteException(problems);
    }

    public SentLetter Write(DomainDbContext db, Complaint complaint, string template, IReadOnlyDictionary<string, object?> variables,
        string recipient, string? address, DateTimeOffset now, string user, IReadOnlyCollection<string>? readerGroups = null)
    {
        // The templates in force now, on the step's own context: the letter is rendered with the version current when it is
        // rendered, records it, and is kept as rendered (a later edit of the template never changes a letter written).
        var store = Templates(db);
        var letter = Preview(settings.Read(db), store, complaint, template, variables);
        var subject = letter.Subject ?? $"Réclamation {complaint.Reference}";
        Guid? outboxId = null;
        if (!string.IsNullOrWhiteSpace(address))
        {
            var message = new OutgoingMail(MailMessageIds.New(complaint.Reference, NotifyHandler.MailDomain(mail)), complaint.Reference,
                address, subject, letter.Html, letter.PlainText);
            outboxId = OutboxWriter.Enqueue(db, message, complaint.Id, now).Id;
        }
        var sent = SentLetter.Create(complaint.Id, template, address ?? $"{complaint.Representative?.Name ?? complaint.Complainant.Name} (courrier postal)",
            subject, letter.Html, letter.PlainText, now, outboxId, readerGroups, store.Get(template).Version);
        db.SentLetters.Add(sent);
        db.AuditEntries.Add(new AuditEntry
        {
            ComplaintId = complaint.Id,
            At = now,
            User = user,
            Action = outboxId is null ? $"Courrier à imprimer : {template}" : $"Courrier envoyé : {template}",
            Details = System.Text.Json.JsonSerializer.Serialize(new { template, version = sent.TemplateVersion, recipient, to = address, subject }),
            // The same readers as the letter it records (one rule for restricted rows: CaseFileReaders).
            ReaderGroups = sent.ReaderGroups,
        });
        return sent;
    }

    /// <summary>The letter exactly as <see cref="Write"/> renders it now for the same complaint and variables (same model,
    /// same template, same strict rules, the firm's identity and recourse settings in force), kept and sent nowhere: the task
    /// page's preview. Throws <see cref="LetterRenderException"/> (a value is missing) or <see cref="LetterTemplateException"/>
    /// (unknown template) as <see cref="Write"/> would.</summary>
    public async Task<RenderedLetter> PreviewAsync(Complaint complaint, string template, IReadOnlyDictionary<string, object?> variables,
        CancellationToken ct = default) =>
        Preview(await settings.GetAsync(ct), templates is null ? renderer.Defaults : await templates.CurrentAsync(ct), complaint, template, variables);

    /// <summary>The letter rendered from the templates of <paramref name="store"/> (a draft in the studio, the versions in force)
    /// for a complaint on <paramref name="profile"/> (the studio's sample complaints are on no stored profile).</summary>
    public RenderedLetter Render(LetterTemplateStore store, LetterSettings stored, Complaint complaint, DeadlineProfile profile, string template,
        IReadOnlyDictionary<string, object?> variables)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(firm.TimeZoneId);
        var model = LetterModelBuilder.Build(template, complaint, variables, stored.Firm, zone, profile, _people);
        return renderer.Render(store, template, model, stored.Firm, stored.Recourse);
    }

    private LetterTemplateStore Templates(DomainDbContext db) => templates?.Current(db) ?? renderer.Defaults;

    private RenderedLetter Preview(LetterSettings stored, LetterTemplateStore store, Complaint complaint, string template,
        IReadOnlyDictionary<string, object?> variables) =>
        Render(store, stored, complaint, profiles.Get(complaint.ProfileCode), template, variables);
}
