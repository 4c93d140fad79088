using Reclamations.Engine.Expressions;
using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Runtime;

public sealed class EngineOptions
{
    /// <summary>This node's stable identity (configuration <c>Engine:NodeId</c>), written as the owner of the jobs it locks.
    /// It must stay the same across restarts (so that a restarted node reclaims at once the locks its previous run left)
    /// and differ between nodes running at the same time. Null: <see cref="NodeIdentity.Default"/> (host name + a hash of
    /// the content root), filled in when the engine is built.</summary>
    public string? NodeId { get; set; }

    /// <summary>How long a locked job is reserved before another node may take it over (a node that stopped renewing
    /// its locks, i.e. died, loses its jobs after this).</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after a failure when the element has no <c>camunda:failedJobRetryTimeCycle</c>.</summary>
    public int DefaultRetries { get; set; } = 3;

    /// <summary>Waits before the 1st, 2nd, 3rd… retry when the element has no retry cycle (the last is repeated).</summary>
    public IReadOnlyList<TimeSpan> DefaultRetryDelays { get; set; } =
        [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    /// <summary>How many due jobs one acquisition takes.</summary>
    public int JobBatchSize { get; set; } = 32;

    /// <summary>Upper bound of the job executor's sleep when idle. The executor wakes earlier at the earliest due time of a
    /// job it may take, at the earliest lock expiry of another node's job, or when this node creates a job due sooner;
    /// this bound only matters for jobs that another node creates.</summary>
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Shortest period a timer cycle may have (<c>R/PT10S</c> or a cron firing every second is refused at deploy,
    /// naming the element).</summary>
    public TimeSpan MinimumCyclePeriod { get; set; } = TimeSpan.FromMinutes(1);

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

    /// <summary>Groups that may reassign (set assignee) and delegate any task, besides its assignee.</summary>
    public IReadOnlyList<string> SupervisorGroups { get; set; } = ["ComplaintsOfficer", "Admin"];

    /// <summary>Groups that may start a process whose definition names no <c>camunda:candidateStarterGroups</c> /
    /// <c>camunda:candidateStarterUsers</c>.</summary>
    public IReadOnlyList<string> StarterGroups { get; set; } = ["Staff", "ComplaintsOfficer", "Admin"];

    /// <summary>Groups that may correlate messages (and set variables with them).</summary>
    public IReadOnlyList<string> MessageSenderGroups { get; set; } = ["Staff", "ComplaintsOfficer", "Direction", "LegalPartner", "Admin"];

    /// <summary>Groups allowed the operator commands (cancel, suspend, activate, set a variable, modification, resolve an
    /// incident, legal hold, history cleanup, moving a job's due date). This product: Admin.</summary>
    public IReadOnlyList<string> OperatorGroups { get; set; } = ["Admin"];

    /// <summary>Variables shown only to <see cref="RestrictedVariableReaderGroups"/> (the domain names them, e.g. litigation
    /// variables): other readers of an instance or its history see neither their values nor their names' values.</summary>
    public IReadOnlySet<string> RestrictedVariables { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Who may read <see cref="RestrictedVariables"/>.</summary>
    public IReadOnlyList<string> RestrictedVariableReaderGroups { get; set; } = ["Admin"];

    /// <summary>Variables an operator may never write (the domain names them, e.g. the stored regulatory dates).</summary>
    public IReadOnlySet<string> OperatorProtectedVariables { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Groups that may revise the stored regulatory dates of an instance (<see cref="ProcessEngine.ReviseDatesAsync"/>),
    /// besides the operators: the people who correct a complaint's received or sent date.</summary>
    public IReadOnlyList<string> DateReviserGroups { get; set; } = ["Staff", "ComplaintsOfficer", "Admin"];

    /// <summary>Groups that may plan, validate and execute a migration of instances between versions of a process
    /// (<see cref="ProcessEngine.MigrateAsync"/>), besides the operators: the people who change the process (the studio).</summary>
    public IReadOnlyList<string> MigratorGroups { get; set; } = ["ProcessOwner"];

    /// <summary>History time to live of a definition without <c>camunda:historyTimeToLive</c>; null: kept for ever.</summary>
    public TimeSpan? DefaultHistoryTimeToLive { get; set; }

    /// <summary>A shorter time to live is refused at deploy (this product: the register's retention period, 5 years).</summary>
    public TimeSpan MinimumHistoryTimeToLive { get; set; } = TimeSpan.FromDays(1827);

    /// <summary>Local time window (engine time zone) in which the history cleanup runs, e.g. 01:00-05:00; null: never on its own.</summary>
    public string? HistoryCleanupWindow { get; set; } = "01:00-05:00";

    /// <summary>Ended instances removed per cleanup transaction.</summary>
    public int HistoryCleanupBatchSize { get; set; } = 100;

    /// <summary>How often the cleanup service looks whether it is in its window and has work.</summary>
    public TimeSpan HistoryCleanupInterval { get; set; } = TimeSpan.FromMinutes(5);
}
