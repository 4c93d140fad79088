using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;
using Reclamations.Web.Tasks;

namespace Reclamations.Web.Complaints.Pages;

/// <summary>The case file: summary, deadlines with days left, the process diagram with its active steps, timeline,
/// letters, documents, corrective actions, the tasks I may work on, the client's reaction.</summary>
[Authorize(Policy = Policies.HandlesComplaints)]
public sealed partial class CaseFileModel(ComplaintRegister register, ProcessEngine engine, ComplaintService service, UserDirectory users,
    TimeProvider time) : PageModel
{
    public ComplaintCaseFile CaseFile { get; private set; } = null!;
    public ProcessInstanceInfo? Instance { get; private set; }
    public IReadOnlyList<string> DoneActivityIds { get; private set; } = [];
    public IReadOnlyList<string> ActiveNames { get; private set; } = [];
    public IReadOnlyList<TaskInfo> Tasks { get; private set; } = [];
    public IReadOnlyList<CaseFileTimeline.Entry> Timeline { get; private set; } = [];
    public bool MayRecordReply { get; private set; }
    public string CategoryLabel { get; private set; } = "";
    public string? Message { get; private set; }
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string reference, string? message, CancellationToken ct)
    {
        Message = message;
        return await LoadAsync(reference, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostClientReplyAsync(string reference, bool? satisfied, string? comment, bool legalThreat, CancellationToken ct)
    {
        if (!await LoadAsync(reference, ct)) return NotFound();
        if (satisfied is null)
        {
            Message = "Indiquez si le client est satisfait.";
            return Page();
        }
        if (satisfied.Value && legalThreat)
        {
            Message = "Un client satisfait ne peut pas annoncer d'action en justice : décochez l'une des deux réponses.";
            return Page();
        }
        var delivered = await service.RecordClientReplyAsync(CaseFile.Complaint, satisfied.Value, comment, legalThreat, HttpContext.GetActor(), ct);
        return RedirectToPage(new
        {
            reference,
            message = delivered > 0 ? "La réaction du client est enregistrée." : "Le dossier n'attend pas de réaction du client pour l'instant.",
        });
    }

    /// <summary>The register fields a complaint handler may correct here (label by field); dates are not among them: a date
    /// moves the regulatory deadlines.</summary>
    public static readonly IReadOnlyDictionary<string, string> CorrectableFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["subject"] = "Objet", ["description"] = "Description", ["contractReference"] = "Contrat concerné",
        ["productOrService"] = "Produit ou service", ["insurer"] = "Assureur", ["usualContact"] = "Interlocuteur habituel",
    };

    public IReadOnlyList<Reclamations.Web.Accounts.UserDirectory.Person> People { get; private set; } = [];

    public async Task<IActionResult> OnPostCorrectAsync(string reference, string? field, string? value, string? reason, long revision,
        CancellationToken ct)
    {
        if (!await LoadAsync(reference, ct)) return NotFound();
        if (field is null || !CorrectableFields.TryGetValue(field, out var label)) return Done(reference, "Choisissez le champ à corriger.");
        if (string.IsNullOrWhiteSpace(reason)) return Done(reference, "Une correction du registre doit être motivée.");
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return await UpdateAsync(reference, revision, $"Correction de « {label} » (motif : {reason.Trim()})", c =>
        {
            switch (field)
            {
                case "subject": c.Subject = text ?? c.Subject; break;
                case "description": c.Description = text; break;
                case "contractReference": c.ContractReference = text; break;
                case "productOrService": c.ProductOrService = text; break;
                case "insurer": c.Insurer = text; break;
                case "usualContact": c.UsualContact = text; break;
            }
        }, ct);
    }

    /// <summary>Corrects the dates the deadlines come from: the deadlines are computed again and the timers move.</summary>
    public async Task<IActionResult> OnPostDatesAsync(string reference, DateTime? receivedAt, DateOnly? sentAt, DateOnly? writtenConfirmationSentAt,
        string? reason, long revision, CancellationToken ct)
    {
        if (!await LoadAsync(reference, ct)) return NotFound();
        if (receivedAt is null && sentAt is null && writtenConfirmationSentAt is null) return Done(reference, "Indiquez la date à corriger.");
        try
        {
            await service.CorrectDatesAsync(CaseFile.Complaint.Id, new DateCorrection(
                receivedAt is { } local ? ZonedTime.AtLocal(local, Shared.FrenchDates.Zone) : null, sentAt, writtenConfirmationSentAt, reason),
                HttpContext.GetActor(), revision, ct);
        }
        catch (ComplaintConflictException)
        {
            return Done(reference, "Le dossier a été modifié entre-temps : rechargez-le et recommencez.");
        }
        catch (RegisterValidationException e)
        {
            return Done(reference, string.Join(" ", e.Errors.Select(x => x.Message)));
        }
        return Done(reference, "Les dates sont corrigées, les échéances recalculées et les relances déplacées ; la correction est tracée.");
    }

    public async Task<IActionResult> OnPostHandlerAsync(string reference, string? handler, string? reason, long revision, CancellationToken ct)
    {
        if (!await LoadAsync(reference, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(reason)) return Done(reference, "Un changement de gestionnaire doit être motivé.");
        return await UpdateAsync(reference, revision, $"Changement de gestionnaire (motif : {reason.Trim()})",
            c => c.Handler = string.IsNullOrWhiteSpace(handler) ? null : handler, ct);
    }

    private async Task<IActionResult> UpdateAsync(string reference, long revision, string action, Action<Complaint> change, CancellationToken ct)
    {
        try
        {
            await register.UpdateAsync(CaseFile.Complaint.Id, HttpContext.GetActor().Id, action, change, revision, ct);
        }
        catch (ComplaintConflictException)
        {
            return Done(reference, "Le dossier a été modifié entre-temps : rechargez-le et recommencez.");
        }
        catch (RegisterValidationException e)
        {
            return Done(reference, string.Join(" ", e.Errors.Select(x => x.Message)));
        }
        return Done(reference, "Le registre est corrigé ; la correction est tracée dans l'historique.");
    }

    private RedirectToPageResult Done(string reference, string message) => RedirectToPage(new { reference, message });

    public string? NameOf(string? userId) => userId is null ? null : _names.GetValueOrDefault(userId, userId);

    public string DaysLeft(DateOnly due)
    {
        var today = ZonedTime.LocalDate(time.GetUtcNow(), Shared.FrenchDates.Zone);
        var days = due.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => $"dépassé de {-days} jour(s)",
            0 => "aujourd'hui",
            _ => $"{days} jour(s) restant(s)",
        };
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken ct)
    {
        try
        {
            CaseFile = CaseFileReaders.For(await register.GetByReferenceAsync(reference, ct), HttpContext.GetActor().Groups);
        }
        catch (ComplaintNotFoundException)
        {
            return false;
        }
        var actor = HttpContext.GetActor();
        var history = new List<HistoryEventInfo>();
        if (CaseFile.Complaint.ProcessInstanceId is { } instanceId)
        {
            Instance = await engine.GetProcessInstanceAsync(instanceId, actor, ct);
            history.AddRange(await engine.GetHistoryAsync(instanceId, actor, ct));
            DoneActivityIds = history.Where(h => h.EventType == Reclamations.Engine.Api.HistoryEventTypes.ActivityCompleted && h.ActivityId is not null)
                .Select(h => h.ActivityId!).Distinct().ToList();
        }
        var tasks = await engine.QueryTasksAsync(new TaskQuery(BusinessKey: CaseFile.Complaint.Reference, Take: 100), actor, ct);
        Tasks = tasks.Where(t => TaskVisibility.MaySee(t, actor)).ToList();
        // The steps under way in the instance the reader has just read (whoever works on them), as the engine sees them.
        ActiveNames = Instance is null
            ? []
            : (await engine.QueryTasksAsync(new TaskQuery(ProcessInstanceId: Instance.Id, Take: 100), Actor.System, ct))
                .Select(t => t.Name ?? t.TaskDefinitionKey).Distinct().ToList();
        _names = await users.NamesAsync(ct);
        People = await users.ActiveAsync(ct);
        CategoryLabel = (await register.CategoriesAsync(ct)).FirstOrDefault(x => x.Code == CaseFile.Complaint.Category)?.Label
                        ?? CaseFile.Complaint.Category;
        Timeline = CaseFileTimeline.Build(CaseFile, history, NameOf);
        MayRecordReply = CaseFile.Complaint.Status is ComplaintStatus.Answered;
        await LoadReferralsAsync(register, ct);
        return true;
    }
}
