using Reclamations.Engine.Api;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;
using Reclamations.Web.Shared;

namespace Reclamations.Web.Complaints.Pages;

/// <summary>Intake: every register field, persons involved picked from the firm's users (so the independent-reviewer
/// rule compares real identities), the deadlines computed live from the profile, attachments, a warning for a likely
/// duplicate (same complainant and contract within 30 days).</summary>
[Authorize(Policy = Policies.HandlesComplaints)]
[DocumentUpload(Documents = MaxDocumentsPerIntake)]
public sealed class NewModel(ComplaintService service, ComplaintRegister register, DeadlineProfileStore profiles,
    DocumentStore documents, UserDirectory users, TimeProvider time) : PageModel
{
    /// <summary>The attachments of one intake weigh together at most this many documents of the store's limit.</summary>
    public const int MaxDocumentsPerIntake = 3;

    public IntakeForm Form { get; private set; } = new();
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<Complaint> Duplicates { get; private set; } = [];
    public IReadOnlyList<DeadlineProfile> Profiles { get; private set; } = [];
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<UserDirectory.Person> People { get; private set; } = [];
    public ComplaintDeadlines? Deadlines { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = ZonedTime.InZone(time.GetUtcNow(), FrenchDates.Zone);
        Form = new IntakeForm { ReceivedAt = now.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) };
        await LoadListsAsync(ct);
        Form.Profile = Profiles.FirstOrDefault()?.Code;
        Deadlines = await DeadlinesAsync(Form.Profile, Form.ReceivedAt, null, ct);
    }

    /// <summary>The deadlines fragment, refreshed by htmx when the dates or the profile change.</summary>
    public async Task<IActionResult> OnGetDeadlinesAsync(string? profile, string? receivedAt, string? sentAt, CancellationToken ct) =>
        Partial("/Complaints/Pages/_Deadlines.cshtml", await DeadlinesAsync(profile, receivedAt, sentAt, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Form = IntakeForm.From(Request.Form);
        await LoadListsAsync(ct);
        var input = Form.ToNewComplaint(FrenchDates.Zone);
        var checkedFiles = new List<(IFormFile File, string ContentType)>();
        foreach (var file in Request.Form.Files)
        {
            var (contentType, refusal) = await UploadCheck.CheckAsync(file, ct);
            if (contentType is null) Errors["files"] = refusal!;
            else checkedFiles.Add((file, contentType));
        }
        if (Errors.Count > 0) return await PageWithDeadlinesAsync(ct);
        if (input.ReceivedAt is { } received && Request.Form["confirmDuplicate"] != "true")
        {
            Duplicates = await register.LikelyDuplicatesAsync(Form.Name ?? "", Form.Contract, received, cancellationToken: ct);
            if (Duplicates.Count > 0) return await PageWithDeadlinesAsync(ct);
        }
        Complaint complaint;
        try
        {
            complaint = await service.RegisterAsync(input, HttpContext.GetActor(), ct);
        }
        catch (RegisterValidationException e)
        {
            foreach (var error in e.Errors) Errors.TryAdd(error.Field, error.Message);
            return await PageWithDeadlinesAsync(ct);
        }
        foreach (var (file, contentType) in checkedFiles)
        {
            await using var stream = file.OpenReadStream();
            await documents.AddAsync(complaint.Id, DocumentKind.Attachment, file.FileName, contentType, stream, HttpContext.GetActor().Id, ct);
        }
        return Redirect($"/reclamations/{complaint.Reference}?message=" + Uri.EscapeDataString($"Réclamation {complaint.Reference} enregistrée."));
    }

    private async Task<IActionResult> PageWithDeadlinesAsync(CancellationToken ct)
    {
        Deadlines = await DeadlinesAsync(Form.Profile, Form.ReceivedAt, Form.SentAt, ct);
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Profiles = await profiles.ListAsync(ct);
        Categories = [.. (await register.CategoriesAsync(ct)).Where(c => c.IsActive)];
        People = await users.ActiveAsync(ct);
    }

    private async Task<ComplaintDeadlines?> DeadlinesAsync(string? code, string? receivedAt, string? sentAt, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code) || !DateTime.TryParse(receivedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var received))
            return null;
        DeadlineProfile profile;
        try
        {
            profile = await profiles.GetAsync(code, ct);
        }
        catch (DeadlineProfileNotFoundException)
        {
            return null;
        }
        DateOnly? sent = DateOnly.TryParse(sentAt, CultureInfo.InvariantCulture, out var s) ? s : null;
        return DeadlineCalculator.Compute(profile, DateOnly.FromDateTime(received), sent);
    }
}
