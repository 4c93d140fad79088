namespace Reclamations.Engine.Hosting;

/// <summary>A clock that only moves when told: the app's simulation mode (Engine:Clock=Manual) moves months in seconds.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "Time only moves forward.");
        lock (_gate) return _now += by;
    }

    public void SetTo(DateTimeOffset instant)
    {
        lock (_gate)
        {
            if (instant < _now) throw new ArgumentOutOfRangeException(nameof(instant), "Time only moves forward.");
            _now = instant;
        }
    }
}
