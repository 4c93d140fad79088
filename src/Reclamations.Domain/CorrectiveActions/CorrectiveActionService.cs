using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;

namespace Reclamations.Domain.CorrectiveActions;

/// <summary>Corrective actions with their follow-up (seed 000: "documenter toutes les mesures"): recording one starts the
/// <c>corrective-action</c> process in the same transaction, whose timer gives the owner a task once the due date has
/// passed; closing one (done, cancelled) ends that follow-up in the same transaction.</summary>
public sealed class CorrectiveActionService(ProcessEngine engine, ComplaintRegister register, IPersonDirectory people)
{
    public const int MaxDescriptionLength = 2000;

    /// <summary>Records the action and starts its follow-up. <paramref name="user"/> is the signed-in user who records it.</summary>
    /// <exception cref="RegisterValidationException">A field is invalid (named); nothing was stored.</exception>
    public async Task<CorrectiveAction> AddAsync(Guid complaintId, NewCorrectiveAction input, string user, TimeProvider time,
        CancellationToken ct = default)
    {
        Validate(input, ZonedTime.LocalDate(time.GetUtcNow(), register.FirmZone));
        CorrectiveAction? action = null;
        await engine.StartProcessAsync(CorrectiveActionProcess.Key,
            async transaction =>
            {
                await using var db = DomainDb.On(transaction);
                action = await register.AddCorrectiveActionAsync(db, complaintId, user, input.Description, input.Owner, input.DueDate, ct,
                    input.Type);
                var reference = await db.Complaints.AsNoTracking().Where(c => c.Id == complaintId).Select(c => c.Reference).FirstAsync(ct);
                return new ProcessStart(reference, new Dictionary<string, object?>
                {
                    ["actionId"] = action.Id.ToString(),
                    ["complaintId"] = complaintId.ToString(),
                    ["reference"] = reference,
                    ["owner"] = input.Owner,
                    ["description"] = action.Description,
                    ["dueAt"] = DueAt(input.DueDate),
                });
            },
            null, Actor.System, ct);
        return action!;
    }

    /// <summary>Marks the action done or cancelled (or open again) and ends its follow-up when it is closed.</summary>
    public async Task<CorrectiveAction> SetStatusAsync(Guid complaintId, Guid actionId, CorrectiveActionStatus status, string user,
        CancellationToken ct = default)
    {
        if (status == CorrectiveActionStatus.Open)
            throw new RegisterValidationException([new("status", "Une action corrective close ne se rouvre pas : enregistrez-en une nouvelle.")]);
        CorrectiveAction? action = null;
        await engine.CorrelateMessageAsync(
            new CorrelationRequest(CorrectiveActionProcess.ClosedMessage,
                CorrelationKeys: new Dictionary<string, object?> { ["actionId"] = actionId.ToString() }),
            async transaction =>
            {
                await using var db = DomainDb.On(transaction);
                action = await register.SetCorrectiveActionStatusAsync(db, actionId, status, user, complaintId, cancellationToken: ct);
            },
            Actor.System, ct);
        return action!;
    }

    /// <summary>An action is overdue once its due day is over, in the firm's time zone.</summary>
    public DateTimeOffset DueAt(DateOnly dueDate) => ZonedTime.EndOfDay(dueDate, register.FirmZone);

    private void Validate(NewCorrectiveAction input, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(input.Type)) errors.Add(new("type", "Type d'action corrective inconnu."));
        if (string.IsNullOrWhiteSpace(input.Description)) errors.Add(new("description", "La description de l'action corrective est obligatoire."));
        else if (input.Description.Length > MaxDescriptionLength)
            errors.Add(new("description", $"La description ne doit pas dépasser {MaxDescriptionLength} caractères."));
        if (string.IsNullOrWhiteSpace(input.Owner)) errors.Add(new("owner", "Le responsable de l'action est obligatoire."));
        else if (people.Find(input.Owner) is null) errors.Add(new("owner", $"« {input.Owner} » n'est pas un utilisateur du cabinet."));
        if (input.DueDate < today) errors.Add(new("dueDate", "L'échéance ne peut pas être passée."));
        if (errors.Count > 0) throw new RegisterValidationException(errors);
    }
}
