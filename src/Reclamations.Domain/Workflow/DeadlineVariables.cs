using Reclamations.Domain.Register;
using Reclamations.Engine.Api;

namespace Reclamations.Domain.Workflow;

/// <summary>The complaint's stored deadlines as the process variables its timers and due dates read (workflows/README.md):
/// instants computed once from the dates stored on the complaint, never from a profile that may have changed since.
/// A reminder fires when its day begins, a deadline when its day is over, in the profile's time zone.</summary>
public static class DeadlineVariables
{
    public const string AcknowledgementReminderAt = "acknowledgementReminderAt";
    public const string AcknowledgementDueAt = "acknowledgementDueAt";
    public const string AnswerReminderAt = "answerReminderAt";
    public const string AnswerDueAt = "answerDueAt";
    public const string SecondLevelReminderAt = "secondLevelReminderAt";
    public const string SecondLevelDueAt = "secondLevelDueAt";
    public const string ClockStart = "clockStart";

    /// <summary>Every variable this class writes: the engine refuses them to operators (they move only with their facts).</summary>
    public static IReadOnlyList<string> Names { get; } =
        [ClockStart, AcknowledgementReminderAt, AcknowledgementDueAt, AnswerReminderAt, AnswerDueAt, SecondLevelReminderAt, SecondLevelDueAt];

    public static Dictionary<string, object?> For(Complaint complaint, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var secondLevelDue = complaint.SecondLevelDueDate ?? complaint.ResponseDueDate;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [ClockStart] = ZonedTime.StartOfDay(complaint.ClockStart, zone),
            [AcknowledgementReminderAt] = ZonedTime.StartOfDay(complaint.AcknowledgementReminderDate ?? complaint.AcknowledgementDueDate, zone),
            [AcknowledgementDueAt] = ZonedTime.EndOfDay(complaint.AcknowledgementDueDate, zone),
            [AnswerReminderAt] = ZonedTime.StartOfDay(complaint.ResponseReminderDate ?? complaint.ResponseDueDate, zone),
            [AnswerDueAt] = ZonedTime.EndOfDay(complaint.ResponseDueDate, zone),
            [SecondLevelReminderAt] = ZonedTime.StartOfDay(complaint.SecondLevelReminderDate ?? secondLevelDue, zone),
            [SecondLevelDueAt] = ZonedTime.EndOfDay(secondLevelDue, zone),
        };
    }
}
