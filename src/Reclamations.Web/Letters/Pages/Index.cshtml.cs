using Reclamations.Engine.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Register;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;
using Reclamations.Web.Shared;

namespace Reclamations.Web.Letters.Pages;

/// <summary>Courriers: letters to print and post (marking one posted records the day it left), mails that failed for good
/// (send again). Letters of a restricted step (litigation) are listed only to their readers.</summary>
[Authorize(Policy = Policies.HandlesComplaints)]
public sealed class IndexModel(LetterDesk desk, TimeProvider time) : PageModel
{
    public IReadOnlyList<LetterDesk.PrintItem> ToPrint { get; private set; } = [];
    public IReadOnlyList<LetterDesk.FailedMail> Failed { get; private set; } = [];
    public string Today { get; private set; } = "";
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? message, CancellationToken ct)
    {
        Message = message;
        var groups = HttpContext.GetActor().Groups;
        ToPrint = (await desk.ToPrintAsync(ct)).Where(i => i.Letter.ReadableBy(groups)).ToList();
        Failed = await desk.FailedAsync(ct);
        Today = ZonedTime.LocalDate(time.GetUtcNow(), FrenchDates.Zone).ToString("yyyy-MM-dd");
    }

    public async Task<IActionResult> OnPostPostedAsync(Guid id, DateOnly? postedOn, CancellationToken ct)
    {
        if (postedOn is null) return RedirectToPage(new { message = "Indiquez la date d'envoi." });
        try
        {
            await desk.MarkPostedAsync(id, postedOn.Value, HttpContext.GetActor().Id, ct);
        }
        catch (RegisterValidationException e)
        {
            return RedirectToPage(new { message = string.Join(" ", e.Errors.Select(x => x.Message)) });
        }
        return RedirectToPage(new { message = $"Courrier marqué posté le {FrenchDates.Day(postedOn.Value)}." });
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        await desk.ResendAsync(id, HttpContext.GetActor().Id, ct);
        return RedirectToPage(new { message = "Le courriel est remis dans la file d'envoi." });
    }
}
