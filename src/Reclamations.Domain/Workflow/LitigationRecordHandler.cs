using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Domain.Retention;
using Reclamations.Engine.Handlers;

namespace Reclamations.Domain.Workflow;

/// <summary>The litigation in the register (topic <c>record-litigation</c>, input <c>step</c>), in the engine step's
/// transaction. <c>started</c>: status « Contentieux », the start date (for every reader of the register) and the legal hold
/// on the complaint and its process instances (no erasure, no history cleanup; it stays after the litigation, an Admin lifts
/// it); the process learns <c>inLitigation</c> = true. <c>details</c>: the insurer's claim reference and the counsel;
/// <c>ended</c>: the outcome, then the end date (public) and <c>inLitigation</c> = false. The details are restricted: their
/// audit rows, and the complaint's fields, are readable by the step's reader groups only (the litigation's LegalPartner,
/// Direction; <see cref="LitigationDetails"/>).</summary>
public sealed class LitigationRecordHandler(ComplaintRegister register, LegalHolds holds) : IServiceTaskHandler
{
    public const string HoldReason = "Contentieux : menace d'action en justice ou de saisine du régulateur";

    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var variables = context.Variables;
        var id = WorkflowVariables.ComplaintId(variables);
        var step = WorkflowVariables.Text(context.Inputs, "step");
        var readers = context.ReaderGroups.Count > 0 ? context.ReaderGroups : LitigationDetails.DefaultReaderGroups;
        var groups = string.Join(',', readers);
        await using var db = DomainDb.On(context);
        const string user = ComplaintProcess.WorkflowUser;
        switch (step)
        {
            case "started":
                await register.UpdateAsync(db, id, user, "Contentieux ouvert", c =>
                {
                    c.Status = ComplaintStatus.Litigation;
                    // The review's outcome (legalThreat) when no answer recorded one: the litigation records no answer itself.
                    c.Outcome ??= WorkflowVariables.OptionalText(variables, "reviewOutcome");
                    c.Reviewer ??= WorkflowVariables.OptionalText(variables, "reviewer");
                    c.LitigationStartedAt = context.Now;
                    c.LitigationEndedAt = null;
                }, cancellationToken: cancellationToken);
                await holds.SetInStepAsync(db, context, id, HoldReason, user, cancellationToken);
                return new Dictionary<string, object?> { ["inLitigation"] = true };
            case "details":
                await register.UpdateAsync(db, id, user, "Contentieux : sinistre et avocat", c =>
                {
                    c.LitigationClaimReference = WorkflowVariables.OptionalText(variables, "insurerClaimReference") ?? c.LitigationClaimReference;
                    c.LitigationCounsel = WorkflowVariables.OptionalText(variables, "counselName") ?? c.LitigationCounsel;
                    c.LitigationReaderGroups = groups;
                }, readers, cancellationToken: cancellationToken);
                return null;
            case "ended":
                await register.UpdateAsync(db, id, user, "Contentieux : issue", c =>
                {
                    c.LitigationOutcome = WorkflowVariables.Text(variables, "litigationOutcome");
                    c.LitigationClaimReference = WorkflowVariables.OptionalText(variables, "insurerClaimReference") ?? c.LitigationClaimReference;
                    c.LitigationReaderGroups = groups;
                }, readers, cancellationToken: cancellationToken);
                await register.UpdateAsync(db, id, user, "Contentieux terminé", c => c.LitigationEndedAt = context.Now,
                    cancellationToken: cancellationToken);
                return new Dictionary<string, object?> { ["inLitigation"] = false };
            default:
                throw new InvalidOperationException($"Étape de contentieux inconnue : « {step} » (attendu : started, details, ended).");
        }
    }
}
