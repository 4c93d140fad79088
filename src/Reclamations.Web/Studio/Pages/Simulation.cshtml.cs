using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Register;
using Reclamations.Engine.Api;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;
using Reclamations.Web.Studio.Simulation;
using Reclamations.Web.Tasks;

namespace Reclamations.Web.Studio.Pages;

/// <summary>The studio's simulation (ProcessOwner, Admin): a deployed version or a draft's XML run in a sandbox
/// (<see cref="SimulationSandboxes"/>) on a scenario, its clock moved, its tasks completed from here; the diagram, tasks,
/// letters and timeline of the sandbox; a side-by-side run of another version with the same actions replayed.</summary>
public sealed class SimulationModel(SimulationSandboxes sandboxes, ProcessEngine engine, ComplaintRegister register, UserDirectory users,
    IConfiguration config, Reclamations.Domain.Studio.ProcessDraftStore drafts) : PageModel
{
    public IReadOnlyList<ProcessDefinitionInfo> Versions { get; private set; } = [];

    /// <summary>The drafts saved in the designer, which may be simulated before they are deployed (<c>draft:{id}</c>).</summary>
    public IReadOnlyList<Reclamations.Domain.Studio.ProcessDraftSummary> Drafts { get; private set; } = [];
    public IReadOnlyList<SimulationSandbox> Mine { get; private set; } = [];
    public SimulationSandbox? Sandbox { get; private set; }
    public SimulationSnapshot? Snapshot { get; private set; }
    public SimulationSandbox? Partner { get; private set; }
    public SimulationSnapshot? PartnerSnapshot { get; private set; }
    public IReadOnlyList<SimulationComparison.Row> Comparison { get; private set; } = [];
    public Dictionary<string, IReadOnlyList<UserDirectory.Person>> Pickers { get; } = new(StringComparer.Ordinal);
    public string? Error { get; private set; }
    public Guid? ErrorTask { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string?> PostedValues { get; } = new(StringComparer.Ordinal);
    public string? Message { get; private set; }
    public SimulationOptions Options => sandboxes.Options;

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    private string Owner => HttpContext.GetActor().Id;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id && await sandboxes.FindAsync(id, Owner) is null) return NotFound();
        Message = TempData["SimulationMessage"] as string;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Starts a sandbox: a deployed version (<c>key:version</c>) or a draft's XML, on a preset or an anonymised copy.</summary>
    public async Task<IActionResult> OnPostStartAsync(string? definition, string? xml, string? scenario, string? reference, DateOnly? startDate,
        CancellationToken ct)
    {
        try
        {
            var source = await SourceAsync(definition, xml, ct);
            var chosen = await ScenarioAsync(scenario, reference, startDate, ct);
            var sandbox = await sandboxes.StartAsync(Owner, source, chosen, ct);
            return RedirectToPage(new { id = sandbox.Id });
        }
        catch (Exception e) when (e is SimulationInputException or BpmnValidationException or ProcessEngineException or RegisterValidationException)
        {
            Error = Explain(e);
        }
        Id = null;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Completes one of the sandbox's open tasks with its form's values (validated by the engine, errors beside the fields).</summary>
    public async Task<IActionResult> OnPostCompleteAsync(Guid taskId, CancellationToken ct)
    {
        if (await CurrentAsync() is not { } sandbox) return NotFound();
        TaskInfo task;
        try
        {
            task = await sandbox.Engine.GetTaskAsync(taskId, Actor.System, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in task.FormFields)
        {
            var raw = Request.Form[field.Id].FirstOrDefault();
            PostedValues[field.Id] = raw;
            if (!string.IsNullOrWhiteSpace(raw)) values[field.Id] = TaskFormValues.Convert(field, raw.Trim());
        }
        try
        {
            await sandbox.CompleteTaskAsync(taskId, values, ct);
            TempData["SimulationMessage"] = $"Tâche « {task.Name ?? task.TaskDefinitionKey} » terminée dans la simulation.";
            return RedirectToPage(new { id = sandbox.Id });
        }
        catch (FormValidationException e)
        {
            foreach (var error in e.Errors) FieldErrors[error.FieldId] = error.Message;
            Error = "Le formulaire contient des erreurs : corrigez les champs signalés.";
        }
        catch (Exception e) when (e is RejectedException or ConflictException or ForbiddenException or ProcessEngineException)
        {
            Error = await WithNamesAsync(e.Message, ct);
        }
        ErrorTask = taskId;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Moves the sandbox's clock (<see cref="ClockMove"/>), firing the timers due meanwhile.</summary>
    public async Task<IActionResult> OnPostAdvanceAsync(ClockMove move, CancellationToken ct)
    {
        if (await CurrentAsync() is not { } sandbox) return NotFound();
        if (!Enum.IsDefined(move)) return BadRequest();
        var landed = await sandbox.AdvanceAsync(move, ct);
        TempData["SimulationMessage"] = landed is { } at
            ? $"Horloge de la simulation avancée ({SimulationClockMoves.Label(move)}) au {Shared.FrenchDates.DayAndTime(at)}."
            : "Aucune échéance n'attend : l'horloge n'a pas bougé.";
        return RedirectToPage(new { id = sandbox.Id });
    }

    /// <summary>A side-by-side run: another version (or XML) on the same scenario, this sandbox's actions replayed.</summary>
    public async Task<IActionResult> OnPostCompareAsync(string? definition, string? xml, CancellationToken ct)
    {
        if (await CurrentAsync() is not { } sandbox) return NotFound();
        try
        {
            var source = await SourceAsync(definition, xml, ct);
            if (sandbox.PairedWith is { } old && await sandboxes.FindAsync(old, Owner) is { } previous) await sandboxes.RemoveAsync(previous);
            await sandboxes.CompareAsync(sandbox, source, ct);
            return RedirectToPage(new { id = sandbox.Id });
        }
        catch (Exception e) when (e is SimulationInputException or BpmnValidationException or ProcessEngineException or RegisterValidationException)
        {
            Error = Explain(e);
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Ends a sandbox: its files are deleted.</summary>
    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (await CurrentAsync() is not { } sandbox) return NotFound();
        await sandboxes.RemoveAsync(sandbox);
        TempData["SimulationMessage"] = "Simulation supprimée.";
        return RedirectToPage(new { id = (Guid?)null });
    }

    /// <summary>The XML of the version the sandbox's complaint runs on (for the diagram).</summary>
    public async Task<IActionResult> OnGetXmlAsync(CancellationToken ct)
    {
        if (await CurrentAsync() is not { } sandbox) return NotFound();
        var snapshot = await SimulationSnapshot.LoadAsync(sandbox, ct);
        if (snapshot.Instance is not { } instance) return NotFound();
        return Content(await sandbox.Engine.GetProcessDefinitionXmlAsync(instance.DefinitionKey, instance.DefinitionVersion, ct), "application/xml");
    }

    /// <summary>A letter the sandbox rendered, as it would have been sent.</summary>
    public async Task<IActionResult> OnGetLetterAsync(Guid letter, CancellationToken ct)
    {
        if (await CurrentAsync() is not { } sandbox) return NotFound();
        var file = await sandbox.Services.GetRequiredService<ComplaintRegister>().GetAsync(sandbox.ComplaintId, ct);
        return file.Letters.FirstOrDefault(l => l.Id == letter) is { } found ? Content(found.Html, "text/html; charset=utf-8") : NotFound();
    }

    /// <summary>The pre-filled values of a sandbox task's form: what was posted (after an error), else the scenario's.</summary>
    public IReadOnlyDictionary<string, string?> ValuesFor(SimulationSandbox sandbox, TaskInfo task)
    {
        if (ErrorTask == task.Id) return PostedValues;
        return task.FormFields.ToDictionary(f => f.Id, f => sandbox.Scenario.ValueFor(task.TaskDefinitionKey, f.Id), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string> ErrorsFor(TaskInfo task) =>
        ErrorTask == task.Id ? FieldErrors : new Dictionary<string, string>();

    private async Task<SimulationSandbox?> CurrentAsync() => Id is { } id ? await sandboxes.FindAsync(id, Owner) : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        Versions = (await engine.GetProcessDefinitionsAsync(latestOnly: false, ct)).OrderBy(d => d.Key, StringComparer.Ordinal)
            .ThenByDescending(d => d.Version).ToList();
        Drafts = await drafts.ListAsync(ct: ct);
        Mine = await sandboxes.ListAsync(Owner);
        if (Id is not { } id || await sandboxes.FindAsync(id, Owner) is not { } sandbox) return;
        Sandbox = sandbox;
        Snapshot = await SimulationSnapshot.LoadAsync(sandbox, ct);
        if (sandbox.PairedWith is { } pair && await sandboxes.FindAsync(pair, Owner) is { } partner)
        {
            Partner = partner;
            PartnerSnapshot = await SimulationSnapshot.LoadAsync(partner, ct);
            Comparison = SimulationComparison.Of(Snapshot, PartnerSnapshot);
        }
        foreach (var field in Snapshot.OpenTasks.SelectMany(t => t.FormFields))
            if (field.Properties?.GetValueOrDefault("userPicker") is { Length: > 0 } role && !Pickers.ContainsKey(field.Id))
                Pickers[field.Id] = await users.InRoleAsync(role);
    }

    /// <summary>The elements reached in one run and not in the other (marked on both diagrams).</summary>
    public string Differing()
    {
        if (Snapshot is null || PartnerSnapshot is null) return "";
        var (a, b) = (Snapshot.StepsReached, PartnerSnapshot.StepsReached);
        return string.Join(' ', a.Except(b).Concat(b.Except(a)).Distinct());
    }

    private async Task<SimulationSource> SourceAsync(string? definition, string? xml, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(xml))
        {
            var limit = config.GetValue("Engine:MaxBpmnDocumentBytes", 5 * 1024 * 1024);
            if (System.Text.Encoding.UTF8.GetByteCount(xml) > limit)
                throw new SimulationInputException($"Le XML BPMN dépasse la taille maximale ({limit / 1024} Kio).");
            return new SimulationSource("XML d'un brouillon", xml);
        }
        var parts = (definition ?? "").Split(':');
        if (parts is ["draft", var draftId])
        {
            try
            {
                var draft = await drafts.GetAsync(Guid.TryParse(draftId, out var id) ? id : Guid.Empty, ct);
                return new SimulationSource($"brouillon de « {draft.ProcessKey} » ({Reclamations.Web.Shared.FrenchDates.DayAndTime(draft.UpdatedAt)})", draft.Xml);
            }
            catch (Reclamations.Domain.Studio.ProcessDraftNotFoundException)
            {
                throw new SimulationInputException("Ce brouillon n'existe plus.");
            }
        }
        if (parts.Length != 2 || !int.TryParse(parts[1], out var version))
            throw new SimulationInputException("Choisissez une version déployée, ou collez le XML BPMN d'un brouillon.");
        try
        {
            return new SimulationSource($"{parts[0]} version {version}", await engine.GetProcessDefinitionXmlAsync(parts[0], version, ct), parts[0], version);
        }
        catch (NotFoundException)
        {
            throw new SimulationInputException($"La version {version} de « {parts[0]} » n'existe pas.");
        }
    }

    private async Task<SimulationScenario> ScenarioAsync(string? code, string? reference, DateOnly? startDate, CancellationToken ct)
    {
        var now = engine.Time.GetUtcNow();
        var startAt = now;
        if (startDate is { } day)
        {
            var zone = ZonedTime.FindZone(config["Firm:TimeZoneId"] ?? config["Engine:TimeZone"] ?? "Europe/Paris");
            if (day.Year is < 2000 or > 2100) throw new SimulationInputException("La date de départ doit être entre 2000 et 2100.");
            startAt = ZonedTime.AtLocal(day.ToDateTime(new TimeOnly(9, 0)), zone);
        }
        if (code == "copie")
        {
            if (string.IsNullOrWhiteSpace(reference)) throw new SimulationInputException("Indiquez la référence de la réclamation à copier.");
            try
            {
                return SimulationScenarios.AnonymisedCopy((await register.GetByReferenceAsync(reference.Trim(), ct)).Complaint, startAt);
            }
            catch (ComplaintNotFoundException)
            {
                throw new SimulationInputException($"Aucune réclamation « {reference.Trim()} ».");
            }
        }
        return SimulationScenarios.Preset(code ?? "", startAt) ?? throw new SimulationInputException("Choisissez un scénario.");
    }

    private static string Explain(Exception e) => e switch
    {
        BpmnValidationException bpmn => "Le processus est refusé par le moteur : "
            + string.Join(" ; ", bpmn.Errors.Select(x => x.ElementId is null ? x.Message : $"{x.ElementId} : {x.Message}")),
        RegisterValidationException register => "La réclamation du scénario est refusée : "
            + string.Join(" ; ", register.Errors.Select(x => $"{x.Field} : {x.Message}")),
        _ => e.Message,
    };

    private async Task<string> WithNamesAsync(string message, CancellationToken ct)
    {
        foreach (var (id, name) in await users.NamesAsync(ct))
            message = message.Replace($"« {id} »", name, StringComparison.Ordinal);
        return message;
    }
}

/// <summary>A choice of the simulation form that cannot be run (named in French).</summary>
public sealed class SimulationInputException(string message) : Exception(message);

/// <summary>What <c>_SimulationRun.cshtml</c> draws: one sandbox's snapshot, its forms editable or not.</summary>
public sealed record SimulationRunView(SimulationModel Page, SimulationSandbox Sandbox, SimulationSnapshot Snapshot, bool Editable, string Prefix,
    string Differs);
