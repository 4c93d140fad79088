namespace Reclamations.Domain.Retention;

/// <summary>
/// <c>Retention:*</c>: how long the personal data of a closed complaint is kept (the regulation's 5 years at least:
/// ACPR 2024-R-02 and CAA 19/03 keep the register's records 5 years), when the job runs and how much it does per batch.
/// </summary>
public sealed record RetentionOptions
{
    public const int RegulatoryMinimumYears = 5;

    /// <summary>Years after the closing after which the complaint's personal data is erased (<c>Retention:PeriodYears</c>).</summary>
    public int PeriodYears { get; init; } = RegulatoryMinimumYears;

    /// <summary>Daily local-time window of the job (<c>Retention:Window</c>, <c>HH:mm-HH:mm</c>).</summary>
    public string Window { get; init; } = "02:00-05:00";

    /// <summary>Complaints erased per batch (<c>Retention:BatchSize</c>); each complaint is one transaction.</summary>
    public int BatchSize { get; init; } = 50;

    /// <summary>How often the job looks for due complaints while in its window (<c>Retention:PollInterval</c>).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Whether the hosted job runs (<c>Retention:RunJob</c>); off in tests that call the job themselves.</summary>
    public bool RunJob { get; init; } = true;

    /// <summary>The time zone of the window.</summary>
    public string TimeZoneId { get; init; } = "Europe/Paris";

    /// <summary>Refuses a period under 5 years unless <paramref name="allowShorterThanRegulation"/> (the explicit
    /// <c>Retention:AllowShorterThanRegulation</c>, for tests), and the other invalid settings.</summary>
    /// <exception cref="InvalidOperationException">A setting is invalid: the message names it.</exception>
    public RetentionOptions Validated(bool allowShorterThanRegulation)
    {
        if (PeriodYears < 0) throw new InvalidOperationException("Retention:PeriodYears cannot be negative.");
        if (PeriodYears < RegulatoryMinimumYears && !allowShorterThanRegulation)
            throw new InvalidOperationException(
                $"Retention:PeriodYears is {PeriodYears}: the regulation keeps complaints {RegulatoryMinimumYears} years at least " +
                "(set Retention:AllowShorterThanRegulation only for tests).");
        if (BatchSize < 1) throw new InvalidOperationException("Retention:BatchSize must be at least 1.");
        if (PollInterval < TimeSpan.FromSeconds(1)) throw new InvalidOperationException("Retention:PollInterval must be at least 1 second.");
        try
        {
            Reclamations.Engine.Runtime.CleanupWindow.Parse(Window);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Retention:Window: '{Window}' is not a window HH:mm-HH:mm (e.g. 02:00-05:00).", e);
        }

        return this;
    }
}
