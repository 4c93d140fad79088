using Reclamations.Engine.Expressions;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>User tasks, handlers, listeners and input/output parameters.</summary>
internal sealed partial class Runner
{
    private async Task CreateUserTaskAsync(InstanceState state, ExecutionEntity execution, UserTask userTask)
    {
        var variables = state.VisibleVariables(execution);
        object? Value(string? expression, string attribute) =>
            string.IsNullOrWhiteSpace(expression) ? null : EvaluateOnTask(userTask, expression, attribute, variables);
        string? Text(string? expression, string attribute) => ExpressionEvaluator.ToText(Value(expression, attribute));
        // Candidates may come as a comma list or as a list (Camunda accepts a collection).
        string? List(string? expression, string attribute) => Value(expression, attribute) switch
        {
            List<object?> items => string.Join(',', items.Select(ExpressionEvaluator.ToText)),
            var value => ExpressionEvaluator.ToText(value),
        };
        var task = new TaskEntity
        {
            Id = EngineIds.New(),
            ProcessInstanceId = state.Id,
            ExecutionId = execution.Id,
            ProcessDefinitionId = state.Instance.DefinitionId,
            ProcessDefinitionKey = state.Instance.DefinitionKey,
            BusinessKey = state.Instance.BusinessKey,
            TaskDefinitionKey = userTask.Id,
            Name = userTask.Name,
            Assignee = Text(userTask.Assignee, "camunda:assignee"),
            CandidateUsers = NormaliseList(List(userTask.CandidateUsers, "camunda:candidateUsers")),
            CandidateGroups = NormaliseList(List(userTask.CandidateGroups, "camunda:candidateGroups")),
            DueDate = ToInstant(Text(userTask.DueDate, "camunda:dueDate"), userTask.Id, "camunda:dueDate"),
            FollowUpDate = ToInstant(Text(userTask.FollowUpDate, "camunda:followUpDate"), userTask.Id, "camunda:followUpDate"),
            Priority = ToPriority(Text(userTask.Priority, "camunda:priority"), userTask.Id),
            FormKey = Text(userTask.FormKey, "camunda:formKey"),
            CreatedAt = ctx.Now,
            ReaderGroups = state.Instance.ReaderGroups,
        };
        state.Tasks.Add(task);
        ctx.Db.Tasks.Add(task);
        TaskCandidates.Write(ctx.Db, task);
        ctx.History(state, "TaskCreated", userTask.Id, userTask.ElementType, execution.Id, task.Id, details: task.Name);
        await NotifyTaskListenersAsync(state, execution, userTask, task, "create");
        if (task.Assignee is not null) await NotifyTaskListenersAsync(state, execution, userTask, task, "assignment");
    }

    private static string NormaliseList(string? text) =>
        string.Join(',', (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>camunda:priority: an integer, 50 when absent.</summary>
    private static int ToPriority(string? text, string elementId) =>
        text is null ? 50
        : int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var priority)
            ? priority
            : throw new ProcessEngineException($"User task '{elementId}', camunda:priority: '{text}' is not an integer.");

    /// <summary>A due or follow-up date: an ISO date-time, or an ISO duration from now.</summary>
    private DateTimeOffset? ToInstant(string? text, string elementId, string attribute)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return text.StartsWith('P')
                ? Timers.IsoDuration.Parse(text).AddTo(ctx.Now, Rt.TimeZone)
                : Timers.TimerDates.ParseDate(text, Rt.TimeZone);
        }
        catch (FormatException e)
        {
            throw new ProcessEngineException($"User task '{elementId}', {attribute}: {e.Message}", e);
        }
    }

    /// <summary>Completes a user task: validated form values become variables, then the token moves on.</summary>
    public async Task CompleteUserTaskAsync(InstanceState state, TaskEntity task, IReadOnlyDictionary<string, object?>? submitted)
    {
        var execution = state.Find(task.ExecutionId) ?? throw new ProcessEngineException($"Task '{task.Id}' has lost its execution.");
        var userTask = (UserTask)state.Model.Node(task.TaskDefinitionKey);
        submitted ??= new Dictionary<string, object?>();
        if (task.DelegationState == TaskDelegation.Resolved) submitted = WithDelegateValues(state, execution, userTask, submitted);
        var values = FormValidator.Validate(userTask.FormFields, submitted, Rt.TimeZone,
            expression => EvaluateOnTask(userTask, expression, "form default", state.VisibleVariables(execution)));
        await NotifyTaskListenersAsync(state, execution, userTask, task, "complete", values);
        SetVariables(state, execution, values);
        state.Tasks.Remove(task);
        ctx.Db.Tasks.Remove(task);
        ctx.History(state, "TaskCompleted", userTask.Id, userTask.ElementType, execution.Id, task.Id, details: task.Name);
        await LeaveAsync(state, execution);
    }

    /// <summary>A task back from its delegate: the owner completes the form as the delegate filled it (the current values of its
    /// fields), changing what they submit.</summary>
    private static Dictionary<string, object?> WithDelegateValues(InstanceState state, ExecutionEntity execution, UserTask userTask,
        IReadOnlyDictionary<string, object?> submitted)
    {
        var visible = state.VisibleVariables(execution);
        var merged = new Dictionary<string, object?>(submitted, StringComparer.Ordinal);
        foreach (var field in userTask.FormFields)
            if (!merged.ContainsKey(field.Id) && visible.TryGetValue(field.Id, out var value)) merged[field.Id] = value;
        return merged;
    }

    /// <summary>An expression of a user task's definition (assignee, due date, form default…); a failure names the task
    /// and the attribute.</summary>
    private object? EvaluateOnTask(UserTask userTask, string expression, string attribute, IReadOnlyDictionary<string, object?> variables)
    {
        try
        {
            return Rt.Expressions.Evaluate(expression, variables);
        }
        catch (Exception e) when (e is not ProcessEngineException)
        {
            throw new ProcessEngineException($"User task '{userTask.Id}', {attribute}: {e.Message}", e);
        }
    }

    /// <summary>Sets or clears a task's assignee, after the assignment listeners agree.</summary>
    public async Task AssignAsync(InstanceState state, TaskEntity task, string? assignee, string eventType)
    {
        var execution = state.Find(task.ExecutionId) ?? throw new ProcessEngineException($"Task '{task.Id}' has lost its execution.");
        var userTask = (UserTask)state.Model.Node(task.TaskDefinitionKey);
        task.Assignee = assignee;
        if (assignee is not null) await NotifyTaskListenersAsync(state, execution, userTask, task, "assignment");
        ctx.History(state, eventType, userTask.Id, userTask.ElementType, execution.Id, task.Id, details: assignee);
    }

    /// <summary>Camunda 7 delegation: the assignee becomes the owner (unless the task already has one) and the delegate the assignee.</summary>
    public async Task DelegateAsync(InstanceState state, TaskEntity task, string delegateUserId)
    {
        task.Owner ??= task.Assignee;
        task.DelegationState = TaskDelegation.Pending;
        await AssignAsync(state, task, delegateUserId, "TaskDelegated");
    }

    /// <summary>The delegate is done: the submitted form values are set and the task returns to its owner (RESOLVED), who completes it.</summary>
    public async Task ResolveAsync(InstanceState state, TaskEntity task, IReadOnlyDictionary<string, object?>? submitted)
    {
        var execution = state.Find(task.ExecutionId) ?? throw new ProcessEngineException($"Task '{task.Id}' has lost its execution.");
        var userTask = (UserTask)state.Model.Node(task.TaskDefinitionKey);
        var values = FormValidator.Validate(userTask.FormFields, submitted ?? new Dictionary<string, object?>(), Rt.TimeZone,
            _ => null, partial: true);
        SetVariables(state, execution, values);
        task.DelegationState = TaskDelegation.Resolved;
        await AssignAsync(state, task, task.Owner, "TaskResolved");
    }

    /// <summary>Runs the handler of a service/send task or message event. False when a BPMN error took the token elsewhere.</summary>
    private async Task<bool> RunHandlerAsync(InstanceState state, ExecutionEntity execution, FlowNode node, string topic)
    {
        var handler = Rt.Handlers.Resolve<IServiceTaskHandler>(ctx.Services, HandlerKind.ServiceTask, topic, node.Id);
        var variables = state.VisibleVariables(execution);
        var inputs = node is Activity activity
            ? activity.Inputs.ToDictionary(p => p.Name, p => variables.GetValueOrDefault(p.Name), StringComparer.Ordinal)
            : new Dictionary<string, object?>();
        var context = new ServiceTaskContext
        {
            Topic = topic,
            ProcessInstanceId = state.Id,
            ProcessDefinitionKey = state.Instance.DefinitionKey,
            BusinessKey = state.Instance.BusinessKey,
            ActivityId = node.Id,
            Inputs = inputs,
            Variables = variables,
            Now = ctx.Now,
            Connection = ctx.Connection,
            Transaction = ctx.Transaction,
            Services = ctx.Services,
            ReaderGroups = state.Instance.ReaderGroups is { } readers ? Readers.Groups(readers) : [],
            PlaceLegalHoldAsync = (reason, token) => LegalHoldInStep.PlaceAsync(ctx, state.Id, reason, token),
        };
        IReadOnlyDictionary<string, object?>? results;
        try
        {
            results = await handler.ExecuteAsync(context, ct);
        }
        catch (BpmnErrorException error)
        {
            ctx.History(state, "ErrorThrown", node.Id, node.ElementType, execution.Id, details: error.ErrorCode);
            await ThrowErrorAsync(state, execution, error.ErrorCode, fromHandler: true);
            return false;
        }
        if (results is null) return true;
        var hasOutputs = node is Activity { Outputs.Count: > 0 };
        foreach (var (name, value) in results)
        {
            if (hasOutputs) ctx.SetLocalVariable(state, execution, name, value);
            else ctx.SetVariable(state, execution, name, value);
        }
        return true;
    }

    private void ApplyInputs(InstanceState state, ExecutionEntity execution, Activity activity)
    {
        if (activity.Inputs.Count == 0) return;
        var variables = state.VisibleVariables(execution);
        foreach (var input in activity.Inputs)
            ctx.SetLocalVariable(state, execution, input.Name, EvaluateParameter(activity, input, variables));
    }

    /// <summary>Output parameters are evaluated in the activity's scope and set in the enclosing one.</summary>
    private void ApplyOutputs(InstanceState state, ExecutionEntity execution, Activity activity)
    {
        if (activity.Outputs.Count == 0) return;
        var variables = state.VisibleVariables(execution);
        var target = state.Parent(execution);
        foreach (var output in activity.Outputs)
            ctx.SetVariable(state, target, output.Name, EvaluateParameter(activity, output, variables));
    }

    private object? EvaluateParameter(Activity activity, IoParameter parameter, IReadOnlyDictionary<string, object?> variables)
    {
        if (parameter.Value is null) return null;
        try
        {
            return Rt.Expressions.Evaluate(parameter.Value, variables);
        }
        catch (Exception e) when (e is not ProcessEngineException)
        {
            throw new ProcessEngineException($"Parameter '{parameter.Name}' of '{activity.Id}': {e.Message}", e);
        }
    }

    private async Task NotifyExecutionListenersAsync(InstanceState state, ExecutionEntity execution,
        IReadOnlyList<ListenerDefinition> listeners, string eventName)
    {
        foreach (var definition in listeners)
        {
            if (definition.Event != eventName) continue;
            var listener = Rt.Handlers.Resolve<IExecutionListener>(ctx.Services, HandlerKind.ExecutionListener, definition.HandlerName,
                execution.ActivityId);
            var context = NewListenerContext(state, execution, eventName, state.VisibleVariables(execution));
            await listener.NotifyAsync(context, ct);
            SetVariables(state, execution, context.VariablesToSet);
        }
    }

    private async Task NotifyTaskListenersAsync(InstanceState state, ExecutionEntity execution, UserTask userTask, TaskEntity task,
        string eventName, IReadOnlyDictionary<string, object?>? submitted = null)
    {
        foreach (var definition in userTask.TaskListeners)
        {
            if (definition.Event != eventName) continue;
            var listener = Rt.Handlers.Resolve<ITaskListener>(ctx.Services, HandlerKind.TaskListener, definition.HandlerName, userTask.Id);
            var variables = state.VisibleVariables(execution);
            foreach (var (name, value) in submitted ?? new Dictionary<string, object?>()) variables[name] = value;
            var context = NewListenerContext(state, execution, eventName, variables, task);
            await listener.NotifyAsync(context, ct);
            SetVariables(state, execution, context.VariablesToSet);
        }
    }

    private ListenerContext NewListenerContext(InstanceState state, ExecutionEntity execution, string eventName,
        IReadOnlyDictionary<string, object?> variables, TaskEntity? task = null) => new()
    {
        EventName = eventName,
        ProcessInstanceId = state.Id,
        ProcessDefinitionKey = state.Instance.DefinitionKey,
        BusinessKey = state.Instance.BusinessKey,
        ActivityId = execution.ActivityId,
        Variables = variables,
        Now = ctx.Now,
        Services = ctx.Services,
        UserId = ctx.UserId,
        TaskId = task?.Id,
        Assignee = task?.Assignee,
        CandidateGroups = Split(task?.CandidateGroups),
        CandidateUsers = Split(task?.CandidateUsers),
    };

    private static string[] Split(string? list) =>
        string.IsNullOrEmpty(list) ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
