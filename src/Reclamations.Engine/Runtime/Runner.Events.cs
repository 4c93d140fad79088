using Reclamations.Engine.Expressions;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Timers;

namespace Reclamations.Engine.Runtime;

/// <summary>Events: end and throw events, timers, message subscriptions, boundary events, errors and escalations.</summary>
internal sealed partial class Runner
{
    private async Task ExecuteEndEventAsync(InstanceState state, ExecutionEntity execution, EndEvent end)
    {
        switch (end.EventDefinition)
        {
            case TerminateEventDefinition:
                await CompleteNodeAsync(state, execution, end);
                await TerminateAsync(state, execution);
                return;
            case ErrorEventDefinition error:
                await CompleteNodeAsync(state, execution, end);
                await ThrowErrorAsync(state, execution, error.ErrorCode ?? "", fromHandler: false);
                return;
            case EscalationEventDefinition escalation:
                if (!await ThrowEscalationAsync(state, execution, escalation.EscalationCode)) return;
                break;
            case MessageEventDefinition { Topic: { } topic }:
                if (!await RunHandlerAsync(state, execution, end, topic)) return;
                break;
        }
        await CompleteNodeAsync(state, execution, end);
        await EndTokenAsync(state, execution);
    }

    private async Task ExecuteThrowEventAsync(InstanceState state, ExecutionEntity execution, IntermediateThrowEvent thrown)
    {
        switch (thrown.EventDefinition)
        {
            case EscalationEventDefinition escalation:
                if (!await ThrowEscalationAsync(state, execution, escalation.EscalationCode)) return;
                break;
            case MessageEventDefinition { Topic: { } topic }:
                if (!await RunHandlerAsync(state, execution, thrown, topic)) return;
                break;
            case MessageEventDefinition message:
                ctx.History(state, "MessageThrown", thrown.Id, thrown.ElementType, execution.Id, details: message.MessageName);
                break;
        }
        await LeaveAsync(state, execution);
    }

    private void CreateBoundaryArtifacts(InstanceState state, ExecutionEntity execution, Activity activity)
    {
        foreach (var boundary in activity.BoundaryEvents)
        {
            switch (boundary.EventDefinition)
            {
                case TimerEventDefinition timer:
                    CreateTimerJob(state, execution, boundary.Id, timer);
                    break;
                case MessageEventDefinition message:
                    Subscribe(state, execution, boundary.Id, message.MessageName);
                    break;
            }
        }
    }

    private void Subscribe(InstanceState state, ExecutionEntity execution, string activityId, string messageName)
    {
        var subscription = new EventSubscriptionEntity
        {
            Id = EngineIds.New(),
            MessageName = messageName,
            ProcessInstanceId = state.Id,
            ExecutionId = execution.Id,
            ProcessDefinitionId = state.Instance.DefinitionId,
            ActivityId = activityId,
            BusinessKey = state.Instance.BusinessKey,
            CreatedAt = ctx.Now,
        };
        state.Subscriptions.Add(subscription);
        ctx.Db.EventSubscriptions.Add(subscription);
        Plan(() => DeliverBufferedAsync(state, subscription));
    }

    /// <summary>A message buffered before this subscription existed (same name, matching business key, instance and
    /// correlation keys, not expired) is delivered now, once: its row goes in the same transaction.</summary>
    private async Task DeliverBufferedAsync(InstanceState state, EventSubscriptionEntity subscription)
    {
        if (!state.Subscriptions.Contains(subscription) || state.Instance.IsSuspended) return;
        var waiting = new List<BufferedMessageEntity>();
        await waiting.AddAllAsync(BufferedMessages.Waiting(ctx.Db, subscription.MessageName, ctx.Now), ct);
        var message = waiting.Find(m =>
            ctx.Db.Entry(m).State != Microsoft.EntityFrameworkCore.EntityState.Deleted
            && (m.BusinessKey is null || m.BusinessKey == state.Instance.BusinessKey)
            && (m.ProcessInstanceId is null || m.ProcessInstanceId == state.Id)
            && BufferedMessages.KeysMatch(m.CorrelationKeys, state));
        if (message is null || state.Find(subscription.ExecutionId!.Value) is not { } execution) return;
        ctx.Db.BufferedMessages.Remove(message);
        ctx.History(state, "MessageCorrelated", subscription.ActivityId, null, execution.Id,
            details: $"{message.MessageName} (buffered {message.CreatedAt:O} by {message.UserId})");
        await TriggerAsync(state, execution, state.Model.Node(subscription.ActivityId), null, BufferedMessages.Read(message.Variables));
    }

    internal JobEntity CreateJob(InstanceState? state, ExecutionEntity? execution, JobKind kind, string activityId,
        DateTimeOffset dueAt, string? retryCycle, string? definitionId = null)
    {
        var job = new JobEntity
        {
            Id = EngineIds.New(),
            Kind = kind,
            ProcessInstanceId = state?.Id,
            ExecutionId = execution?.Id,
            ProcessDefinitionId = definitionId ?? state?.Instance.DefinitionId,
            ActivityId = activityId,
            DueAt = dueAt,
            RetryCycle = retryCycle,
            Retries = Rt.InitialRetries(retryCycle),
            CreatedAt = ctx.Now,
            IsSuspended = state?.Instance.IsSuspended ?? false,
        };
        state?.Jobs.Add(job);
        ctx.Db.Jobs.Add(job);
        ctx.NoteJobDue(dueAt);
        return job;
    }

    /// <summary>Evaluates a timer definition (expressions allowed) and schedules its first firing; null for a bounded cycle
    /// whose occurrences all went by.</summary>
    internal JobEntity? CreateTimerJob(InstanceState? state, ExecutionEntity? execution, string activityId, TimerEventDefinition timer,
        string? definitionId = null)
    {
        var variables = state is null ? new Dictionary<string, object?>() : state.VisibleVariables(execution);
        object? value;
        try
        {
            value = Rt.Expressions.Evaluate(timer.Value, variables);
        }
        catch (Exception e) when (e is not ProcessEngineException)
        {
            throw new ProcessEngineException($"Timer of '{activityId}': {e.Message}", e);
        }
        DateTimeOffset due;
        string? cycle = null;
        int? left = null;
        try
        {
            switch (timer.Kind, value)
            {
                case (_, DateTimeOffset date):
                    due = date;
                    break;
                case (TimerKind.Date, string text):
                    due = TimerDates.ParseDate(text, Rt.TimeZone);
                    break;
                case (TimerKind.Duration, string text):
                    due = IsoDuration.Parse(text).AddTo(ctx.Now, Rt.TimeZone);
                    break;
                case (TimerKind.Cycle, string text):
                    // A literal cycle was checked at deployment; one from an expression is checked here.
                    if (ExpressionEvaluator.IsExpression(timer.Value))
                        TimerCycleCheck.EnsureAboveFloor(text, ctx.Now, Rt.TimeZone, Rt.Options.MinimumCyclePeriod);
                    if (CycleSchedule.First(text, ctx.Now, Rt.TimeZone) is not { } first) return null;
                    (cycle, due, left) = first;
                    break;
                default:
                    throw new FormatException($"the value '{value}' is not a {timer.Kind.ToString().ToLowerInvariant()}");
            }
        }
        catch (FormatException e)
        {
            throw new ProcessEngineException($"Timer of '{activityId}': {e.Message}", e);
        }
        var job = CreateJob(state, execution, state is null ? JobKind.TimerStart : JobKind.Timer, activityId, due, null, definitionId);
        job.Cycle = cycle;
        job.RepetitionsLeft = left;
        return job;
    }

    /// <summary>Schedules the next firing of a cycle timer, when occurrences are left: the first anchored occurrence after
    /// now, so that a firing late after downtime stands for every occurrence missed.</summary>
    internal void RescheduleCycle(InstanceState? state, ExecutionEntity? execution, JobEntity fired)
    {
        if (fired.Cycle is null || CycleSchedule.Next(fired.Cycle, fired.DueAt, fired.RepetitionsLeft, ctx.Now, Rt.TimeZone) is not { } next)
            return;
        var job = CreateJob(state, execution, fired.Kind, fired.ActivityId, next.Due, null, fired.ProcessDefinitionId);
        job.Cycle = fired.Cycle;
        job.RepetitionsLeft = next.Left;
    }

    /// <summary>A timer fired or a message arrived for <paramref name="node"/>, which <paramref name="execution"/> waits on
    /// (directly, through an event-based gateway, as the activity a boundary event is attached to, or as the scope of an event subprocess).</summary>
    public async Task TriggerAsync(InstanceState state, ExecutionEntity execution, FlowNode node, JobEntity? firedTimer,
        IReadOnlyDictionary<string, object?>? variables)
    {
        switch (node)
        {
            case BoundaryEvent boundary:
                if (!boundary.CancelActivity && firedTimer is not null) RescheduleCycle(state, execution, firedTimer);
                await FireBoundaryAsync(state, execution, boundary, variables);
                break;
            case StartEvent start when start.Scope is SubProcess { TriggeredByEvent: true }:
                if (!start.IsInterrupting && firedTimer is not null) RescheduleCycle(state, execution, firedTimer);
                await StartEventSubProcessAsync(state, execution, start, variables);
                break;
            default:
                if (execution.ActivityId != node.Id)
                {
                    // An event-based gateway: the first event wins, the others are withdrawn.
                    var gateway = state.Model.Node(execution.ActivityId);
                    await CompleteNodeAsync(state, execution, gateway);
                    execution.ActivityId = node.Id;
                    ctx.History(state, "ActivityStarted", node.Id, node.ElementType, execution.Id);
                }
                SetVariables(state, execution, variables);
                await LeaveAsync(state, execution);
                break;
        }
    }

    /// <summary>A boundary event fires on the execution of the activity it is attached to.</summary>
    private async Task FireBoundaryAsync(InstanceState state, ExecutionEntity attached, BoundaryEvent boundary,
        IReadOnlyDictionary<string, object?>? variables)
    {
        ExecutionEntity token;
        if (boundary.CancelActivity)
        {
            await CancelAsync(state, attached, includeSelf: false);
            token = attached;
            token.ActivityId = boundary.Id;
        }
        else
        {
            token = NewExecution(state, state.Parent(attached), boundary.Id);
        }
        ctx.History(state, "ActivityStarted", boundary.Id, boundary.ElementType, token.Id);
        SetVariables(state, token, variables);
        await LeaveAsync(state, token);
    }

    /// <summary>Propagates a BPMN error up the scopes (and to the calling process) to the nearest matching error start event
    /// of an event subprocess in a scope, or boundary error event on an activity. The called instances it passes through are
    /// terminated only once a catching event is found.</summary>
    private async Task ThrowErrorAsync(InstanceState state, ExecutionEntity execution, string errorCode, bool fromHandler)
    {
        bool Catches(EventDefinition? definition) =>
            definition is ErrorEventDefinition e && (e.ErrorCode is null || e.ErrorCode == errorCode);
        var current = state;
        var from = execution;
        var passed = new List<InstanceState>();
        while (true)
        {
            ExecutionEntity? below = null;
            foreach (var scope in current.SelfAndAncestors(from).ToList())
            {
                var node = current.Model.NodesById.GetValueOrDefault(scope.ActivityId);
                ScopeModel? scopeModel = scope.ParentId is null ? current.Model : scope.IsMultiInstanceBody ? null : node as SubProcess;
                // Inside a scope its event subprocesses catch first (not the one the error comes from), then the boundary events outside it.
                var start = scopeModel?.EventSubProcesses.Where(e => e.Id != below?.ActivityId)
                    .SelectMany(e => e.StartEvents).FirstOrDefault(s => Catches(s.EventDefinition));
                below = scope;
                if (start is not null)
                {
                    foreach (var called in passed) await EndInstanceAsync(called, ProcessInstanceState.Terminated, resumeCaller: false);
                    ctx.History(current, "ErrorCaught", start.Id, start.ElementType, scope.Id, details: errorCode);
                    await StartEventSubProcessAsync(current, scope, start, null);
                    return;
                }
                if (scope.LoopCounter is not null || node is not Activity activity) continue;
                var boundary = activity.BoundaryEvents.FirstOrDefault(b => Catches(b.EventDefinition));
                if (boundary is null) continue;
                foreach (var called in passed) await EndInstanceAsync(called, ProcessInstanceState.Terminated, resumeCaller: false);
                ctx.History(current, "ErrorCaught", boundary.Id, boundary.ElementType, scope.Id, details: errorCode);
                await FireBoundaryAsync(current, scope, boundary, null);
                return;
            }
            if (current.Instance.SuperProcessInstanceId is { } callerId && current.Instance.SuperExecutionId is { } callerExecutionId)
            {
                var caller = await ctx.LoadInstanceAsync(callerId, ct);
                passed.Add(current);
                current = caller;
                from = caller.Find(callerExecutionId) ?? throw new ProcessEngineException("The calling execution no longer exists.");
                continue;
            }
            if (fromHandler)
                throw new ProcessEngineException(
                    $"BPMN error '{errorCode}' thrown at '{execution.ActivityId}' is not caught by any boundary error event.");
            // An uncaught error end event ends its token like a none end event (a called instance then completes normally).
            if (state.Contains(execution)) await EndTokenAsync(state, execution);
            return;
        }
    }

    /// <summary>Looks for a boundary escalation event on an enclosing activity (or calling activity). Returns whether
    /// the throwing token goes on (not caught, or caught by a non-interrupting boundary event).</summary>
    private async Task<bool> ThrowEscalationAsync(InstanceState state, ExecutionEntity execution, string? code)
    {
        var current = state;
        var from = state.Parent(execution);
        while (from is not null)
        {
            foreach (var scope in current.SelfAndAncestors(from).ToList())
            {
                if (scope.LoopCounter is not null || current.Model.NodesById.GetValueOrDefault(scope.ActivityId) is not Activity activity) continue;
                var boundary = activity.BoundaryEvents.FirstOrDefault(b =>
                    b.EventDefinition is EscalationEventDefinition e && (e.EscalationCode is null || e.EscalationCode == code));
                if (boundary is null) continue;
                ctx.History(current, "EscalationCaught", boundary.Id, boundary.ElementType, scope.Id, details: code);
                await FireBoundaryAsync(current, scope, boundary, null);
                return !boundary.CancelActivity;
            }
            if (current.Instance.SuperProcessInstanceId is not { } callerId || current.Instance.SuperExecutionId is not { } callerExecutionId) break;
            current = await ctx.LoadInstanceAsync(callerId, ct);
            from = current.Find(callerExecutionId);
        }
        ctx.History(state, "EscalationThrown", execution.ActivityId, null, execution.Id, details: code);
        return true;
    }
}
