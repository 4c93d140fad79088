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
    private readonly SemaphoreSlim _jobSignal = new(0, 1);

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

    internal void SignalJobs()
    {
        if (_jobSignal.CurrentCount == 0)
        {
            try { _jobSignal.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    internal async Task WaitForJobsAsync(TimeSpan timeout, CancellationToken ct) => await _jobSignal.WaitAsync(timeout, ct);
}
