namespace Reclamations.Domain.Mail;

/// <summary>
/// Exponential back-off between attempts: after the n-th failure the next attempt waits
/// <c>Delays[n-1]</c>; after <see cref="MaxAttempts"/> attempts the item fails for good.
/// </summary>
public sealed record OutboxRetryPolicy
{
    public OutboxRetryPolicy(IReadOnlyList<TimeSpan> delays)
    {
        if (delays.Count == 0 || delays.Any(d => d <= TimeSpan.Zero))
        {
            throw new ArgumentException("At least one positive delay is required.", nameof(delays));
        }

        Delays = delays;
    }

    /// <summary>1 min, 5 min, 30 min, 2 h, 6 h, 24 h: 7 attempts over about a day and a half.</summary>
    public static OutboxRetryPolicy Default { get; } = new(
    [
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(6),
        TimeSpan.FromHours(24),
    ]);

    public IReadOnlyList<TimeSpan> Delays { get; }

    public int MaxAttempts => Delays.Count + 1;

    /// <summary>When to try again after <paramref name="failedAttempts"/> failures, or null to give up.</summary>
    public DateTimeOffset? NextAttemptAt(int failedAttempts, DateTimeOffset failedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        return failedAttempts >= MaxAttempts ? null : failedAt + Delays[failedAttempts - 1];
    }
}
