using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Handlers;

namespace Reclamations.Domain.CorrectiveActions;

/// <summary>Applies the owner's answer to an overdue action, in the engine step's transaction (audited under the owner's
/// name, from the approval-signature listener): done or cancelled closes it; postponed moves its due date and gives the
/// process the new <c>dueAt</c> for the next watch.</summary>
public sealed class CorrectiveActionOutcomeHandler(ComplaintRegister register, CorrectiveActionService actions) : IServiceTaskHandler
{
    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var variables = context.Variables;
        var actionId = Guid.Parse(WorkflowVariables.Text(variables, "actionId"));
        var complaintId = WorkflowVariables.ComplaintId(variables);
        var user = WorkflowVariables.OptionalText(variables, "approvedBy") ?? ComplaintProcess.WorkflowUser;
        var outcome = WorkflowVariables.Text(variables, "actionOutcome");
        await using var db = DomainDb.On(context);
        switch (outcome)
        {
            case CorrectiveActionProcess.Outcomes.Done:
                await register.SetCorrectiveActionStatusAsync(db, actionId, CorrectiveActionStatus.Done, user, complaintId, cancellationToken: cancellationToken);
                return null;
            case CorrectiveActionProcess.Outcomes.Cancelled:
                await register.SetCorrectiveActionStatusAsync(db, actionId, CorrectiveActionStatus.Cancelled, user, complaintId, cancellationToken: cancellationToken);
                return null;
            case CorrectiveActionProcess.Outcomes.Postponed:
                var due = CorrectiveActionOutcomeListener.NewDueDate(variables, register.FirmZone)
                          ?? throw new InvalidOperationException("La variable « newDueDate » manque ou n'est pas une date.");
                await register.SetCorrectiveActionStatusAsync(db, actionId, CorrectiveActionStatus.Open, user, complaintId, due, cancellationToken);
                return new Dictionary<string, object?> { ["dueAt"] = actions.DueAt(due) };
            default:
                throw new InvalidOperationException($"Suite inconnue pour une action corrective : « {outcome} ».");
        }
    }
}
