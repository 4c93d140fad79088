using Microsoft.Extensions.Logging;
using Reclamations.Engine.Api;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Delegation (Camunda 7) and the checks of who may act: a refusal is a <see cref="ForbiddenException"/> (HTTP 403),
/// logged, thrown before anything is written (the command's transaction rolls back).</summary>
public sealed partial class ProcessEngine
{
    /// <summary>Delegates a task: the assignee (or a supervisor) hands it to <paramref name="delegateUserId"/>; the assignee becomes
    /// its owner and the delegation is PENDING until the delegate resolves it (or completes it, which resolves it).</summary>
    public Task DelegateTaskAsync(Guid taskId, string delegateUserId, Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(delegateUserId))
            throw new ArgumentException("A delegation names the user who gets the task.", nameof(delegateUserId));
        return OnTaskAsync(taskId, actor, async (state, task, runner) =>
        {
            EnsureAssigneeOrSupervisor(actor, "delegate", task);
            await runner.DelegateAsync(state, task, delegateUserId.Trim());
        }, ct);
    }

    /// <summary>The delegate gives a delegated task back to its owner (RESOLVED), with values for fields of its form (checked as
    /// on completion, required fields excepted: the owner completes the task).</summary>
    public Task ResolveTaskAsync(Guid taskId, IReadOnlyDictionary<string, object?>? variables, Actor actor, CancellationToken ct = default) =>
        OnTaskAsync(taskId, actor, async (state, task, runner) =>
        {
            if (task.DelegationState != TaskDelegation.Pending)
                throw new ConflictException($"Task '{taskId}' is not delegated: there is nothing to resolve.");
            EnsureDelegate(actor, task);
            await runner.ResolveAsync(state, task, variables);
        }, ct);

    private void EnsureMayStart(ProcessModel model, Actor actor)
    {
        if (AccessRules.MayStart(model, _runtime.Options, actor)) return;
        var starters = model.CandidateStarterGroups.Count + model.CandidateStarterUsers.Count == 0
            ? $"groups {string.Join(", ", _runtime.Options.StarterGroups)}"
            : string.Join(", ", model.CandidateStarterGroups.Select(g => $"group {g}").Concat(model.CandidateStarterUsers.Select(u => $"user {u}")));
        throw Refuse(actor, $"start process '{model.Id}'", $"only its starters may ({starters})");
    }

    private void EnsureMaySendMessages(Actor actor, string messageName)
    {
        if (AccessRules.MaySendMessages(_runtime.Options, actor)) return;
        throw Refuse(actor, $"send message '{messageName}'",
            $"only the message senders may (groups {string.Join(", ", _runtime.Options.MessageSenderGroups)})");
    }

    private void EnsureAssigneeOrSupervisor(Actor actor, string action, TaskEntity task)
    {
        if (actor.IsSystem || AccessRules.IsAssignee(task, actor) || AccessRules.IsSupervisor(_runtime.Options, actor)) return;
        throw Refuse(actor, action, task,
            $"only its assignee{(task.Assignee is null ? "" : $" ('{task.Assignee}')")} and the supervisors ({string.Join(", ", _runtime.Options.SupervisorGroups)}) may");
    }

    private void EnsureDelegate(Actor actor, TaskEntity task)
    {
        if (actor.IsSystem || AccessRules.IsAssignee(task, actor)) return;
        throw Refuse(actor, "complete", task, $"it is delegated to '{task.Assignee}', who gives it back to '{task.Owner}'");
    }

    /// <summary>The assignee may complete; so may a candidate of an unassigned task, who first becomes its assignee (TaskClaimed,
    /// assignment listeners: whoever they refuse cannot complete the task either).</summary>
    private async Task EnsureMayCompleteAsync(Actor actor, InstanceState state, TaskEntity task, Runner runner)
    {
        if (actor.IsSystem || AccessRules.IsAssignee(task, actor)) return;
        if (task.Assignee is null && AccessRules.IsCandidate(task, actor))
        {
            await runner.AssignAsync(state, task, actor.Id, "TaskClaimed");
            return;
        }
        throw Refuse(actor, "complete", task, task.Assignee is null ? "they are not a candidate of it" : $"it is assigned to '{task.Assignee}'");
    }

    private ForbiddenException Refuse(Actor actor, string action, TaskEntity task, string reason) =>
        Refuse(actor, $"{action} task '{task.Name ?? task.TaskDefinitionKey}' ({task.Id})", reason);

    private ForbiddenException Refuse(Actor actor, string action, string reason)
    {
        _logger.LogWarning("Refused: {Actor} may not {Action}: {Reason}", actor, action, reason);
        return new ForbiddenException($"'{actor.Id}' may not {action}: {reason}.");
    }

    /// <summary>Variables given at start: never engine-internal names; with a start form, only its fields, validated as a task form.</summary>
    private IReadOnlyDictionary<string, object?>? StartVariables(ProcessModel model, IReadOnlyDictionary<string, object?>? variables)
    {
        EngineVariables.RefuseInternal(variables);
        if (model.NoneStartEvent is not { FormFields.Count: > 0 } start) return variables;
        var none = new Dictionary<string, object?>(StringComparer.Ordinal);
        return FormValidator.Validate(start.FormFields, variables ?? none, _runtime.TimeZone, expression =>
        {
            try
            {
                return _runtime.Expressions.Evaluate(expression, none);
            }
            catch (Exception e) when (e is not ProcessEngineException)
            {
                throw new ProcessEngineException($"Start event '{start.Id}', form default: {e.Message}", e);
            }
        });
    }
}
