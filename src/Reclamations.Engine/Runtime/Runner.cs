using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>The interpreter: moves tokens through the graph within one command. Transitions are queued on an
/// agenda (no deep recursion); wait states leave rows behind (tasks, jobs, subscriptions) that later commands trigger.</summary>
internal sealed partial class Runner(CommandContext ctx, CancellationToken ct)
{
    private readonly Queue<Func<Task>> _agenda = new();
    private readonly StepBudget _budget = new(ctx);

    private EngineRuntime Rt => ctx.Runtime;

    private void Plan(Func<Task> operation) => _agenda.Enqueue(operation);

    /// <summary>Runs queued operations until every token rests in a wait state or has ended.</summary>
    public async Task RunAsync()
    {
        do
        {
            while (_agenda.TryDequeue(out var operation)) await operation();
        }
        while (await ResumeInclusiveJoinsAsync());
    }

    private ExecutionEntity NewExecution(InstanceState state, ExecutionEntity? parent, string activityId)
    {
        var execution = new ExecutionEntity
        {
            Id = EngineIds.New(), ProcessInstanceId = state.Id, ParentId = parent?.Id, ActivityId = activityId, CreatedAt = ctx.Now,
        };
        state.Executions.Add(execution);
        ctx.Db.Executions.Add(execution);
        return execution;
    }

    /// <summary>Enters a node with a token: async-before, multi-instance, start listeners, inputs, boundary events, behaviour.</summary>
    public async Task EnterAsync(InstanceState state, ExecutionEntity execution, FlowNode node, bool fromJob = false)
    {
        if (!state.Contains(execution)) return;
        _budget.Count(state, node);
        execution.ActivityId = node.Id;
        if (node.AsyncBefore && !fromJob)
        {
            CreateJob(state, execution, JobKind.AsyncBefore, node.Id, ctx.Now, node.FailedJobRetryTimeCycle);
            return;
        }
        ctx.History(state, "ActivityStarted", node.Id, node.ElementType, execution.Id);
        if (node is Activity { MultiInstance: not null } multi && execution.LoopCounter is null)
        {
            await EnterMultiInstanceAsync(state, execution, multi);
            return;
        }
        if (node is Activity activity && execution.LoopCounter is null) CreateBoundaryArtifacts(state, execution, activity);
        await StartActivityAsync(state, execution, node);
    }

    private async Task StartActivityAsync(InstanceState state, ExecutionEntity execution, FlowNode node)
    {
        await NotifyExecutionListenersAsync(state, execution, node.ExecutionListeners, "start");
        if (node is Activity activity) ApplyInputs(state, execution, activity);
        await ExecuteAsync(state, execution, node);
    }

    private async Task ExecuteAsync(InstanceState state, ExecutionEntity execution, FlowNode node)
    {
        switch (node)
        {
            case StartEvent:
            case PlainTask:
            case ManualTask:
                await LeaveAsync(state, execution);
                break;
            case EndEvent end:
                await ExecuteEndEventAsync(state, execution, end);
                break;
            case IntermediateThrowEvent thrown:
                await ExecuteThrowEventAsync(state, execution, thrown);
                break;
            case IntermediateCatchEvent or ReceiveTask:
                ArmWait(state, execution, node);
                break;
            case UserTask userTask:
                await CreateUserTaskAsync(state, execution, userTask);
                break;
            case ServiceTask service:
                if (await RunHandlerAsync(state, execution, service, service.Topic)) await LeaveAsync(state, execution);
                break;
            case SubProcess sub:
                EnterScope(state, execution, sub);
                var start = sub.NoneStartEvent ?? throw new ProcessEngineException($"Subprocess '{sub.Id}' has no none start event.");
                var child = NewExecution(state, execution, start.Id);
                Plan(() => EnterAsync(state, child, start));
                break;
            case CallActivity call:
                await StartCalledInstanceAsync(state, execution, call);
                break;
            case Gateway gateway:
                await ExecuteGatewayAsync(state, execution, gateway);
                break;
            default:
                throw new ProcessEngineException($"Element '{node.Id}' of type {node.ElementType} cannot be executed.");
        }
    }

    /// <summary>Ends the node the token is at (outputs, end listeners, its timers and subscriptions), then takes its outgoing flows.</summary>
    public async Task LeaveAsync(InstanceState state, ExecutionEntity execution)
    {
        if (!state.Contains(execution)) return;
        var node = state.Model.Node(execution.ActivityId);
        await CompleteNodeAsync(state, execution, node);
        if (node.AsyncAfter)
        {
            CreateJob(state, execution, JobKind.AsyncAfter, node.Id, ctx.Now, node.FailedJobRetryTimeCycle);
            return;
        }
        await TakeOutgoingAsync(state, execution, node);
    }

    private async Task CompleteNodeAsync(InstanceState state, ExecutionEntity execution, FlowNode node)
    {
        if (node is Activity activity) ApplyOutputs(state, execution, activity);
        await NotifyExecutionListenersAsync(state, execution, node.ExecutionListeners, "end");
        RemoveWaitArtifacts(state, execution);
        if (execution.LoopCounter is null) ctx.RemoveLocalVariables(state, execution);
        execution.IsMultiInstanceBody = false;
        ctx.History(state, Api.HistoryEventTypes.ActivityCompleted, node.Id, node.ElementType, execution.Id);
    }

    /// <summary>Continues after a node: the flows whose condition holds (else the default), a multi-instance step, or the end of the token.</summary>
    public async Task TakeOutgoingAsync(InstanceState state, ExecutionEntity execution, FlowNode node)
    {
        if (!state.Contains(execution)) return;
        if (execution.LoopCounter is not null)
        {
            await CompleteMultiInstanceStepAsync(state, execution);
            return;
        }
        if (node.Outgoing.Count == 0)
        {
            await EndTokenAsync(state, execution);
            return;
        }
        await TakeFlowsAsync(state, execution, SelectFlows(state, execution, node, (node as Activity)?.DefaultFlow));
    }

    /// <summary>Sends the token along the first flow and a new sibling token along each other one.</summary>
    private async Task TakeFlowsAsync(InstanceState state, ExecutionEntity execution, IReadOnlyList<SequenceFlow> flows)
    {
        var parent = state.Parent(execution);
        for (var i = 0; i < flows.Count; i++)
        {
            var flow = flows[i];
            var token = i == 0 ? execution : NewExecution(state, parent, flow.Source.Id);
            await NotifyExecutionListenersAsync(state, token, flow.TakeListeners, "take");
            Plan(() => EnterAsync(state, token, flow.Target));
        }
    }

    /// <summary>A token ends: when it was the last one of its scope, the scope completes.</summary>
    private async Task EndTokenAsync(InstanceState state, ExecutionEntity execution)
    {
        var parent = state.Parent(execution);
        RemoveExecution(state, execution);
        if (parent is not null && !state.Children(parent).Any()) await CompleteScopeAsync(state, parent);
    }

    private async Task CompleteScopeAsync(InstanceState state, ExecutionEntity scope)
    {
        if (scope.ParentId is null)
        {
            await EndInstanceAsync(state, ProcessInstanceState.Completed, resumeCaller: true);
            return;
        }
        var node = state.Model.Node(scope.ActivityId);
        if (node is SubProcess { TriggeredByEvent: true })
        {
            await CompleteNodeAsync(state, scope, node);
            await EndTokenAsync(state, scope);
        }
        else
        {
            await LeaveAsync(state, scope);
        }
    }

    private void RemoveExecution(InstanceState state, ExecutionEntity execution)
    {
        RemoveWaitArtifacts(state, execution);
        ctx.RemoveLocalVariables(state, execution);
        state.Executions.Remove(execution);
        ctx.Db.Executions.Remove(execution);
    }

    /// <summary>Removes the tasks, jobs and subscriptions an execution owns.</summary>
    private void RemoveWaitArtifacts(InstanceState state, ExecutionEntity execution)
    {
        foreach (var task in state.Tasks.Where(t => t.ExecutionId == execution.Id).ToList())
        {
            state.Tasks.Remove(task);
            ctx.Db.Tasks.Remove(task);
            ctx.History(state, "TaskDeleted", task.TaskDefinitionKey, "userTask", execution.Id, task.Id);
        }
        foreach (var job in state.Jobs.Where(j => j.ExecutionId == execution.Id).ToList())
        {
            state.Jobs.Remove(job);
            ctx.Db.Jobs.Remove(job);
        }
        foreach (var subscription in state.Subscriptions.Where(s => s.ExecutionId == execution.Id).ToList())
        {
            state.Subscriptions.Remove(subscription);
            ctx.Db.EventSubscriptions.Remove(subscription);
        }
    }
}
