using Reclamations.Engine.Expressions;
using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Runtime;

public sealed class EngineOptions
{
    /// <summary>Identifies this node when it locks jobs.</summary>
    public string LockOwner { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>How long a locked job is reserved before another node may take it (a crashed node's jobs come back).</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after a failure when the element has no <c>camunda:failedJobRetryTimeCycle</c>.</summary>
    public int DefaultRetries { get; set; } = 3;

    /// <summary>Waits before the 1st, 2nd, 3rd… retry when the element has no retry cycle (the last is repeated).</summary>
    public IReadOnlyList<TimeSpan> DefaultRetryDelays { get; set; } =
        [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    /// <summary>How many due jobs one acquisition takes.</summary>
    public int JobBatchSize { get; set; } = 32;

    /// <summary>Upper bound between two job acquisitions when idle.</summary>
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time zone of local dates in timer definitions (a date without offset).</summary>
    public string TimeZoneId { get; set; } = "Europe/Paris";

    /// <summary>Element executions one command may make (entering a flow node counts one; a called instance's count with its
    /// caller's). Past it the command rolls back and an incident names the element: a loop without a wait state cannot
    /// hold the node.</summary>
    public int MaxStepsPerCommand { get; set; } = 10_000;

    /// <summary>Largest BPMN document a deployment may hold, in UTF-8 bytes (5 MB); the web route refuses a larger request body.</summary>
    public int MaxBpmnDocumentBytes { get; set; } = BpmnLimits.Default.MaxDocumentBytes;

    /// <summary>Deepest element nesting of a BPMN document (50; at most <see cref="BpmnLimits.NestingDepthCeiling"/>).</summary>
    public int MaxBpmnNestingDepth { get; set; } = BpmnLimits.Default.MaxNestingDepth;

    /// <summary>Most elements a BPMN document may have, diagram elements included (10,000).</summary>
    public int MaxBpmnElements { get; set; } = BpmnLimits.Default.MaxElements;

    internal BpmnLimits BpmnLimits => new(MaxBpmnDocumentBytes, Math.Min(MaxBpmnNestingDepth, BpmnLimits.NestingDepthCeiling), MaxBpmnElements);

    /// <summary>Largest value (characters of a string; items, keys and texts of a list or object) an expression or a host function
    /// it calls may produce (100,000).</summary>
    public int MaxExpressionOutputChars { get; set; } = ExpressionLimits.Default.MaxOutputChars;

    /// <summary>Time one expression evaluation may take (2 s), checked between its steps and at its end.</summary>
    public TimeSpan ExpressionTimeout { get; set; } = ExpressionLimits.Default.Timeout;

    internal ExpressionLimits ExpressionLimits => new(MaxExpressionOutputChars, ExpressionTimeout, ExpressionLimits.Default.LoopLimit);

    /// <summary>Whether the hosted job executor runs (tests drive jobs by hand).</summary>
    public bool RunJobExecutor { get; set; } = true;
}
