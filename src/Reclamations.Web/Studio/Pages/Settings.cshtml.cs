using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Domain.Settings;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Studio.Pages;

/// <summary>The studio's settings (ProcessOwner, Admin): deadline profiles (every field, a new version at each save), the
/// alerts' addresses and the SMTP server (password write-only). Every save is kept with who and when.</summary>
public sealed class SettingsModel(DeadlineProfileStore profiles, DeadlineProfileCatalog catalog, NotificationAddressStore notifications,
    SmtpSettingsStore smtp) : PageModel
{
    public sealed record ProfileVersionRow(int Version, DateTimeOffset SavedAt, string SavedBy, IReadOnlyList<string> Changed);

    public IReadOnlyList<DeadlineProfile> Profiles { get; private set; } = [];
    public IReadOnlyDictionary<string, int> CurrentVersions { get; private set; } = new Dictionary<string, int>();
    public DeadlineProfile? Edited { get; private set; }
    public IReadOnlyList<ProfileVersionRow> EditedVersions { get; private set; } = [];
    public NotificationAddresses Addresses { get; private set; } = new(new Dictionary<string, string?>());
    public IReadOnlyList<(DateTimeOffset ChangedAt, string ChangedBy, NotificationAddresses Value)> AddressHistory { get; private set; } = [];
    public SmtpSettingsView Smtp { get; private set; } = null!;
    public IReadOnlyList<(DateTimeOffset ChangedAt, string ChangedBy, SmtpSettings Value)> SmtpHistory { get; private set; } = [];
    public string? Message { get; private set; }

    /// <summary>The form whose errors are shown ("profile", "notifications", "smtp"), and its errors by field.</summary>
    public string? FailedForm { get; private set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(string? profil, string? message, CancellationToken ct)
    {
        Message = message;
        await LoadAsync(profil, ct);
    }

    public async Task<IActionResult> OnPostProfileAsync(string code, CancellationToken ct)
    {
        await profiles.GetAsync(code, ct); // an unknown code is a 404
        var (profile, errors) = ProfileForm.Read(Request.Form, code);
        if (profile is not null)
        {
            try
            {
                await profiles.SaveAsync(profile, HttpContext.GetActor().Id, ct);
                catalog.Replace(await profiles.ListAsync(ct));
                return RedirectToPage(null, null, new { profil = code, message = $"Le profil « {code} » est enregistré (nouvelle version) : il s'applique aux réclamations enregistrées à partir de maintenant." }, "profil");
            }
            catch (DeadlineProfileValidationException e)
            {
                errors = e.Errors;
            }
        }
        return await FailAsync("profile", errors, code, ct);
    }

    public async Task<IActionResult> OnPostNotificationsAsync(CancellationToken ct)
    {
        var addresses = NotificationAddresses.AlertedRoles.ToDictionary(r => r, r => (string?)Request.Form[$"address.{r}"].ToString());
        try
        {
            await notifications.SaveAsync(addresses, HttpContext.GetActor().Id, ct);
        }
        catch (RegisterValidationException e)
        {
            return await FailAsync("notifications", e.Errors.Select(x => new FieldError($"address.{x.Field}", x.Message)).ToList(), null, ct);
        }
        return RedirectToPage(null, null, new { message = "Les adresses des alertes sont enregistrées." }, "alertes");
    }

    public async Task<IActionResult> OnPostSmtpAsync(CancellationToken ct)
    {
        var form = Request.Form;
        var errors = new List<FieldError>();
        int? port = int.TryParse(form["port"], out var p) ? p : null;
        SmtpSecurity? security = Enum.TryParse<SmtpSecurity>(form["security"], out var s) && Enum.IsDefined(s) && !int.TryParse(form["security"], out _) ? s : null;
        try
        {
            await smtp.SaveAsync(new SmtpSettingsInput(form["host"], port, security, form["user"], form["password"],
                form["clearPassword"].Any(v => v is "true" or "on"), form["from"]), HttpContext.GetActor().Id, ct);
        }
        catch (RegisterValidationException e)
        {
            errors.AddRange(e.Errors);
            return await FailAsync("smtp", errors, null, ct);
        }
        return RedirectToPage(null, null, new { message = "Les réglages du serveur d'envoi sont enregistrés : ils servent dès le prochain envoi." }, "smtp");
    }

    public async Task<IActionResult> OnPostSmtpConfigurationAsync(CancellationToken ct)
    {
        await smtp.UseConfigurationAsync(HttpContext.GetActor().Id, ct);
        return RedirectToPage(null, null, new { message = "Le serveur d'envoi est de nouveau celui de la configuration." }, "smtp");
    }

    /// <summary>The posted value of a failed form (so that nothing typed is lost), else the stored one. Never the password.</summary>
    public string Value(string form, string name, object? stored) =>
        FailedForm == form && name != "password" ? Request.Form[name].ToString() : Convert.ToString(stored, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public bool Flag(string form, string name, bool stored) =>
        FailedForm == form ? Request.Form[name].Any(v => v is "true" or "on") : stored;

    public string? Error(string form, string name) => FailedForm == form ? Errors.GetValueOrDefault(name) : null;

    private async Task<PageResult> FailAsync(string form, IReadOnlyList<FieldError> errors, string? profile, CancellationToken ct)
    {
        FailedForm = form;
        Errors = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message)));
        await LoadAsync(profile, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(string? profile, CancellationToken ct)
    {
        Profiles = await profiles.ListAsync(ct);
        var versions = new Dictionary<string, int>();
        foreach (var p in Profiles)
        {
            var all = await profiles.VersionsAsync(p.Code, ct);
            versions[p.Code] = all.Count == 0 ? 0 : all[^1].Version;
            if (p.Code == profile)
            {
                Edited = p;
                EditedVersions = History(all);
            }
        }
        CurrentVersions = versions;
        Addresses = await notifications.GetAsync(ct);
        AddressHistory = await notifications.HistoryAsync(ct);
        Smtp = await smtp.ViewAsync(ct);
        SmtpHistory = await smtp.HistoryAsync(ct);
    }

    /// <summary>Each version, newest first, with the fields it changed from the one before.</summary>
    private static List<ProfileVersionRow> History(IReadOnlyList<DeadlineProfileVersion> versions)
    {
        var rows = new List<ProfileVersionRow>();
        JsonObject? previous = null;
        foreach (var v in versions)
        {
            var current = JsonNode.Parse(v.Json) as JsonObject ?? [];
            var changed = previous is null
                ? ["première version"]
                : current.Select(p => p.Key).Union(previous.Select(p => p.Key))
                    .Where(k => current[k]?.ToJsonString() != previous[k]?.ToJsonString())
                    .Select(k => $"{k} : {previous[k]?.ToJsonString() ?? "—"} → {current[k]?.ToJsonString() ?? "—"}").ToList();
            rows.Add(new ProfileVersionRow(v.Version, v.SavedAt, v.SavedBy, changed));
            previous = current;
        }
        rows.Reverse();
        return rows;
    }
}
