using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Register;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Studio.Pages.Parametres;

/// <summary>Studio, settings of the letters (ProcessOwner, Admin): the firm's identity (name, address, ORIAS or other
/// registration, complaints contact) and the recourse bodies (the French mediator, the Luxembourg CAA), over
/// <see cref="LetterSettingsStore"/> (the store of <c>/api/settings/firm|recourse</c>): each save is a new version with who and
/// when (its audit trail, listed here); a bad field is named beside it in French and nothing changes.</summary>
public sealed class CabinetModel(LetterSettingsStore store, FirmSettings configured, UserDirectory users) : PageModel
{
    public FirmSettings Firm { get; private set; } = FirmIdentityCheck.Placeholder;
    public MediatorSettings Recourse { get; private set; } = MediatorSettings.Default;
    public IReadOnlyList<string> FirmProblems { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public string? Message { get; private set; }
    public string? FailedForm { get; private set; }
    public IReadOnlyList<LetterSettingEntity> History { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(string? message, CancellationToken ct)
    {
        Message = message;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostFirmAsync(CancellationToken ct)
    {
        var firm = new FirmSettings(Text("name"), Lines("address"), Optional("oriasNumber"), Optional("registrationNumber"),
            Text("complaintsContactName"), Text("complaintsContactEmail"), Text("phone"), configured.TimeZoneId)
        {
            ComplaintsContactTitle = Optional("complaintsContactTitle"),
        };
        try
        {
            await store.UpdateFirmAsync(firm, HttpContext.GetActor().Id, ct);
            return RedirectToPage(new { message = "Identité du cabinet enregistrée." });
        }
        catch (RegisterValidationException e)
        {
            await LoadAsync(ct);
            Firm = firm;
            return Refused("firm", e);
        }
    }

    public async Task<IActionResult> OnPostRecourseAsync(CancellationToken ct)
    {
        var recourse = new MediatorSettings(Text("frName"), Lines("frAddress"), Text("frWeb"), Text("luName"), Lines("luAddress"), Text("luWeb"))
        {
            FrEmail = Text("frEmail"), LuEmail = Text("luEmail"), LuPhone = Text("luPhone"), LuFax = Text("luFax"), LuRole = Text("luRole"),
        };
        try
        {
            await store.UpdateRecourseAsync(recourse, HttpContext.GetActor().Id, ct);
            return RedirectToPage(new { message = "Organismes de recours enregistrés." });
        }
        catch (RegisterValidationException e)
        {
            await LoadAsync(ct);
            Recourse = recourse;
            return Refused("recourse", e);
        }
    }

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    public string NameOf(string user) => Names.GetValueOrDefault(user, user);

    /// <summary>The label of a setting's key in the history.</summary>
    public static string KeyLabel(string key) => key == LetterSettingsStore.FirmKey ? "Identité du cabinet" : "Organismes de recours";

    private PageResult Refused(string formName, RegisterValidationException e)
    {
        FailedForm = formName;
        foreach (var error in e.Errors) Errors.TryAdd(error.Field, error.Message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var settings = await store.GetAsync(ct);
        (Firm, Recourse) = (settings.Firm, settings.Recourse);
        FirmProblems = FirmIdentityCheck.Problems(settings.Firm);
        History = (await store.HistoryAsync(LetterSettingsStore.FirmKey, ct)).Concat(await store.HistoryAsync(LetterSettingsStore.RecourseKey, ct))
            .OrderByDescending(h => h.ChangedAt).Take(20).ToList();
        Names = await users.NamesAsync(ct);
    }

    private string Text(string name) => (Request.Form[name].ToString() ?? "").Trim();

    private string? Optional(string name) => Text(name) is { Length: > 0 } value ? value : null;

    private List<string> Lines(string name) =>
        Text(name).Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
