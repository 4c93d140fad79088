using Microsoft.Extensions.Options;
using Reclamations.Engine.Expressions;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Timers;

namespace Reclamations.Engine.Runtime;

/// <summary>The engine's shared singletons: options, clock zone, definition cache, expressions, handler names,
/// the write gate (SQLite has one writer) and the signal that wakes the job executor.</summary>
public sealed class EngineRuntime
{
    public EngineRuntime(IOptions<EngineOptions> options, ExpressionFunctionRegistry functions, IEnumerable<HandlerRegistration> handlers,
        TimeProvider time)
    {
        Options = options.Value;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(Options.TimeZoneId);
        Expressions = new ExpressionEvaluator(functions, Options.ExpressionLimits, time);
        Handlers = new HandlerRegistry(handlers);
    }

    public EngineOptions Options { get; }
    public TimeZoneInfo TimeZone { get; }
    internal ExpressionEvaluator Expressions { get; }
    internal HandlerRegistry Handlers { get; }
    internal DefinitionCache Definitions { get; } = new();
    internal Reachability Reachability { get; } = new();

    /// <summary>Serialises this node's write transactions (SQLite allows one writer; waiting here beats spinning on SQLITE_BUSY).</summary>
    internal SemaphoreSlim WriteGate { get; } = new(1, 1);

    internal int InitialRetries(string? retryCycle) =>
        retryCycle is null ? Options.DefaultRetries : TimerCycle.Parse(retryCycle, TimeZone).Repetitions ?? Options.DefaultRetries;

    /// <summary>When a failed job is tried again: its retry cycle's period, else the default delays.</summary>
    internal DateTimeOffset NextRetry(JobEntity job, DateTimeOffset now, int failuresSoFar)
    {
        if (job.RetryCycle is not null) return TimerCycle.Parse(job.RetryCycle, TimeZone).Period.AddTo(now, TimeZone);
        var delays = Options.DefaultRetryDelays;
        return now + delays[Math.Min(failuresSoFar - 1, delays.Count - 1)];
    }

    /// <summary>This node's identity, the owner written on the jobs it locks.</summary>
    internal string NodeId => Options.NodeId ?? throw new InvalidOperationException("EngineOptions.NodeId is not set.");

    /// <summary>Whether this engine has already released the locks that its node's previous run left (done once, before
    /// its first acquisition; read and written under <see cref="WriteGate"/>).</summary>
    internal bool PreviousRunLocksReleased { get; set; }

    private readonly Lock _wakeGate = new();
    private TaskCompletionSource _wake = NewWake();
    private DateTimeOffset _plannedWake = DateTimeOffset.MinValue;
    private DateTimeOffset _earliestNoted = DateTimeOffset.MaxValue;

    /// <summary>A job due now was created or made due: wake the executor.</summary>
    internal void SignalJobs() => JobDue(DateTimeOffset.MinValue);

    /// <summary>This node committed a job due at <paramref name="dueAt"/>: wake the executor if it sleeps past that.</summary>
    internal void JobDue(DateTimeOffset dueAt)
    {
        lock (_wakeGate)
        {
            if (dueAt < _earliestNoted) _earliestNoted = dueAt;
            if (dueAt < _plannedWake) _wake.TrySetResult();
        }
    }

    /// <summary>The executor starts a pass: jobs noted from now on are compared with the wake time the pass computes.</summary>
    internal void BeginJobPass()
    {
        lock (_wakeGate)
        {
            _plannedWake = DateTimeOffset.MinValue;
            _earliestNoted = DateTimeOffset.MaxValue;
            if (_wake.Task.IsCompleted) _wake = NewWake();
        }
    }

    /// <summary>Sleeps until <paramref name="until"/> on the engine's clock, or until a job due earlier is noted (also one
    /// noted since <see cref="BeginJobPass"/>, after the pass computed its wake time), or cancellation.</summary>
    internal async Task WaitForJobsAsync(DateTimeOffset until, TimeProvider time, CancellationToken ct)
    {
        Task signal;
        lock (_wakeGate)
        {
            _plannedWake = until;
            if (_earliestNoted < until) return;
            signal = _wake.Task;
        }
        var wait = until - time.GetUtcNow();
        if (wait <= TimeSpan.Zero) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(wait, time, stop.Token);
        await Task.WhenAny(signal, delay);
        await stop.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
