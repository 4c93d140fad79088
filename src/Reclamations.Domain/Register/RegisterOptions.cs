using Reclamations.Domain.Deadlines;

namespace Reclamations.Domain.Register;

/// <summary>Register settings: the firm's time zone reads the date filters and "today" for overdue complaints.</summary>
public sealed record RegisterOptions
{
    public string TimeZoneId { get; init; } = DeadlineProfile.DefaultTimeZoneId;
}
