namespace Reclamations.Engine.Model;

/// <summary><c>bpmn:task</c>: passes straight through.</summary>
public sealed class PlainTask : Activity
{
    public override string ElementType => "task";
}

/// <summary><c>bpmn:manualTask</c>: done outside the system, passes straight through.</summary>
public sealed class ManualTask : Activity
{
    public override string ElementType => "manualTask";
}

/// <summary><c>bpmn:serviceTask</c> or <c>bpmn:sendTask</c> bound to a .NET handler by <c>camunda:topic</c>.</summary>
public sealed class ServiceTask : Activity
{
    public required string Kind { get; init; } // "serviceTask" | "sendTask"
    public override string ElementType => Kind;

    /// <summary><c>camunda:topic</c> (with <c>camunda:type="external"</c>): the name of the registered handler.</summary>
    public required string Topic { get; init; }
}

/// <summary><c>bpmn:receiveTask</c>: waits for a message.</summary>
public sealed class ReceiveTask : Activity
{
    public override string ElementType => "receiveTask";
    public required string MessageName { get; init; }
}

/// <summary><c>bpmn:userTask</c> with the Camunda 7 attributes.</summary>
public sealed class UserTask : Activity
{
    public override string ElementType => "userTask";
    public string? Assignee { get; init; }
    public string? CandidateUsers { get; init; }
    public string? CandidateGroups { get; init; }
    public string? DueDate { get; init; }
    public string? FollowUpDate { get; init; }
    public string? Priority { get; init; }
    public string? FormKey { get; init; }
    public List<FormField> FormFields { get; } = [];
    public List<ListenerDefinition> TaskListeners { get; } = [];

    /// <summary>The task's <c>camunda:properties</c> (name → value): hints for the application that shows the task (e.g.
    /// <c>letterPreview</c>, the letter its completion leads to); the engine does not read them.</summary>
    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);
}

/// <summary><c>bpmn:subProcess</c>; an event subprocess when <see cref="TriggeredByEvent"/>.</summary>
public sealed class SubProcess : ScopeModel
{
    public override string ElementType => TriggeredByEvent ? "eventSubProcess" : "subProcess";
    public bool TriggeredByEvent { get; init; }
}

/// <summary><c>bpmn:callActivity</c> starting the latest version of another process.</summary>
public sealed class CallActivity : Activity
{
    public override string ElementType => "callActivity";
    public required string CalledElement { get; init; }
    public string? BusinessKeyExpression { get; init; }
    public List<VariableMapping> InMappings { get; } = [];
    public List<VariableMapping> OutMappings { get; } = [];
}
