using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Register;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Tasks.Pages;

/// <summary>A task: its form generated from <c>camunda:formData</c>, the complaint's summary and deadlines beside it;
/// completing it validates on the server (messages beside the fields) and goes back to the inbox.</summary>
public sealed class DetailModel(ProcessEngine engine, ComplaintRegister register, Reclamations.Web.Accounts.UserDirectory users) : PageModel
{
    public TaskInfo Task { get; private set; } = null!;
    public Complaint? Complaint { get; private set; }
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
    public string? Error { get; private set; }
    public bool CanComplete { get; private set; }

    /// <summary>The assignee's display name.</summary>
    public string? AssigneeName { get; private set; }

    /// <summary>For a field whose <c>camunda:property userPicker</c> names a role: the active users of that role to pick from.</summary>
    public Dictionary<string, IReadOnlyList<Reclamations.Web.Accounts.UserDirectory.Person>> Pickers { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in Task.FormFields)
        {
            var raw = Request.Form[field.Id].FirstOrDefault();
            Values[field.Id] = raw;
            if (!string.IsNullOrWhiteSpace(raw)) values[field.Id] = TaskFormValues.Convert(field, raw.Trim());
        }
        try
        {
            await engine.CompleteTaskAsync(id, values, HttpContext.GetActor(), ct);
            return Redirect("/");
        }
        catch (FormValidationException e)
        {
            foreach (var error in e.Errors) FieldErrors[error.FieldId] = error.Message;
            Error = "Le formulaire contient des erreurs : corrigez les champs signalés.";
        }
        catch (RejectedException e)
        {
            Error = await WithNamesAsync(e.Message, ct);
        }
        catch (ConflictException e)
        {
            Error = e.Message;
        }
        return Page();
    }

    /// <summary>A refusal names people by their user id (e.g. the independent-reviewer rule): shown with their names.</summary>
    private async Task<string> WithNamesAsync(string message, CancellationToken ct)
    {
        foreach (var (id, name) in await users.NamesAsync(ct))
            message = message.Replace($"« {id} »", name, StringComparison.Ordinal);
        return message;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        try
        {
            Task = await engine.GetTaskAsync(id, actor, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        if (!TaskVisibility.MaySee(Task, actor)) return Forbid();
        CanComplete = Task.Assignee is null || Task.Assignee == actor.Id;
        if (Task.Assignee is { } assignee) AssigneeName = (await users.NamesAsync(ct)).GetValueOrDefault(assignee, assignee);
        foreach (var field in Task.FormFields)
            if (field.Properties?.GetValueOrDefault("userPicker") is { Length: > 0 } role)
                Pickers[field.Id] = await users.InRoleAsync(role);
        if (Task.BusinessKey is { } reference)
        {
            try
            {
                Complaint = (await register.GetByReferenceAsync(reference, ct)).Complaint;
            }
            catch (ComplaintNotFoundException)
            {
                Complaint = null;
            }
        }
        return null;
    }
}
