using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Tasks.Pages;

/// <summary>A task: its form generated from <c>camunda:formData</c>, the complaint's summary and deadlines beside it;
/// completing it validates on the server (messages beside the fields) and goes back to the inbox. A step that leads to a
/// letter (<see cref="TaskLetterPreview"/>) shows it as it will be sent, re-rendered while the form is typed in.</summary>
public sealed class DetailModel(ProcessEngine engine, ComplaintRegister register, Reclamations.Web.Accounts.UserDirectory users,
    LetterWriter letters, Reclamations.Domain.CorrectiveActions.CorrectiveActionService correctiveActions, TimeProvider time) : PageModel
{
    /// <summary>The step records the complaint's corrective actions one by one (<c>correctiveActions</c> property <c>editor</c>).</summary>
    public bool EditsCorrectiveActions { get; private set; }

    /// <summary>The complaint's corrective actions, for that step.</summary>
    public Reclamations.Web.Complaints.CorrectiveActionList? CorrectiveActions { get; private set; }

    /// <summary>The firm's active users, owners to choose from.</summary>
    public IReadOnlyList<Reclamations.Web.Accounts.UserDirectory.Person> Owners { get; private set; } = [];

    public Dictionary<string, string> ActionErrors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> ActionValues { get; } = new(StringComparer.Ordinal);

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

    /// <summary>The template of the letter this step leads to (<c>letterPreview</c> property), when there is one.</summary>
    public string? LetterTemplate { get; private set; }

    /// <summary>That letter as it will be sent with the form's values, or why it cannot be composed yet.</summary>
    public TaskLetterPreview.Result? LetterPreview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        await PreviewAsync(new Dictionary<string, object?>(), ct);
        return Page();
    }

    /// <summary>The letter preview alone (htmx, while the form is typed in): the same rendering as the sent letter.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (LetterTemplate is null || Complaint is null) return NotFound();
        await PreviewAsync(ReadForm(), ct);
        return Partial("/Tasks/Pages/_LetterPreview.cshtml", this);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var values = ReadForm();
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
        await PreviewAsync(values, ct);
        return Page();
    }

    /// <summary>Records one corrective action of the complaint (the closing step): through the domain, which starts its
    /// follow-up. htmx swaps the section; without JavaScript the page comes back.</summary>
    public async Task<IActionResult> OnPostCorrectiveActionAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!EditsCorrectiveActions || Complaint is null) return NotFound();
        if (!CanComplete) return Forbid();
        foreach (var name in new[] { "actionType", "actionDescription", "actionOwner", "actionDueDate" })
            ActionValues[name] = Request.Form[name].FirstOrDefault()?.Trim();
        try
        {
            var request = new Reclamations.Web.Complaints.CorrectiveActionRequest(ActionValues["actionType"], ActionValues["actionDescription"],
                ActionValues["actionOwner"], DateOnly.TryParse(ActionValues["actionDueDate"], System.Globalization.CultureInfo.InvariantCulture, out var due) ? due : null);
            await correctiveActions.AddAsync(Complaint.Id, request.ToInput(), HttpContext.GetActor().Id, time, ct);
            ActionValues.Clear();
            await LoadCorrectiveActionsAsync(ct);
        }
        catch (RegisterValidationException e)
        {
            foreach (var error in e.Errors) ActionErrors[error.Field] = error.Message;
        }
        if (Request.Headers.ContainsKey("HX-Request")) return Partial("/Tasks/Pages/_CorrectiveActions.cshtml", this);
        await PreviewAsync(new Dictionary<string, object?>(), ct);
        return Page();
    }

    private async Task LoadCorrectiveActionsAsync(CancellationToken ct) => ShowCorrectiveActions(await register.GetAsync(Complaint!.Id, ct));

    private void ShowCorrectiveActions(ComplaintCaseFile file)
    {
        CorrectiveActions = new(file.CorrectiveActions, Owners.ToDictionary(p => p.Id, p => p.DisplayName));
    }

    /// <summary>A refusal names people by their user id (e.g. the independent-reviewer rule): shown with their names.</summary>
    private async Task<string> WithNamesAsync(string message, CancellationToken ct)
    {
        foreach (var (id, name) in await users.NamesAsync(ct))
            message = message.Replace($"« {id} »", name, StringComparison.Ordinal);
        return message;
    }

    /// <summary>The posted values of the form's fields, typed as the engine takes them (empty fields left out).</summary>
    private Dictionary<string, object?> ReadForm()
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in Task.FormFields)
        {
            var raw = Request.Form[field.Id].FirstOrDefault();
            Values[field.Id] = raw;
            if (!string.IsNullOrWhiteSpace(raw)) values[field.Id] = TaskFormValues.Convert(field, raw.Trim());
        }
        return values;
    }

    private async Task PreviewAsync(IReadOnlyDictionary<string, object?> values, CancellationToken ct)
    {
        if (LetterTemplate is not { } template || Complaint is not { } complaint) return;
        var variables = await TaskLetterPreview.VariablesAsync(engine, Task, values, HttpContext.GetActor(), ct);
        LetterPreview = await TaskLetterPreview.RenderAsync(letters, template, complaint, variables, ct);
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
        LetterTemplate = TaskLetterPreview.TemplateOf(Task);
        if (Task.Assignee is { } assignee) AssigneeName = (await users.NamesAsync(ct)).GetValueOrDefault(assignee, assignee);
        foreach (var field in Task.FormFields)
            if (field.Properties?.GetValueOrDefault("userPicker") is { Length: > 0 } role)
                Pickers[field.Id] = await users.InRoleAsync(role);
        if (Task.BusinessKey is { } reference)
        {
            try
            {
                var file = await register.GetByReferenceAsync(reference, ct);
                Complaint = file.Complaint;
                EditsCorrectiveActions = Task.Properties?.GetValueOrDefault("correctiveActions") == "editor";
                if (EditsCorrectiveActions)
                {
                    Owners = await users.ActiveAsync(ct);
                    ShowCorrectiveActions(file);
                }
            }
            catch (ComplaintNotFoundException)
            {
                Complaint = null;
            }
        }
        return null;
    }
}
