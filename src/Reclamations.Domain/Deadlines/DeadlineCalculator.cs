using Reclamations.Engine.Api;
using Reclamations.Domain.Calendars;

namespace Reclamations.Domain.Deadlines;

/// <summary>Computes a complaint's deadlines from a profile and its receipt and sending dates.</summary>
public static class DeadlineCalculator
{
    /// <param name="profile">The deadline profile of the complaint.</param>
    /// <param name="receivedAt">The date the complaint was received (local date in the profile's zone).</param>
    /// <param name="sentAt">The date the first written complaint was sent (postmark, email date), when known.</param>
    /// <param name="isOral">An oral complaint: its acknowledgement runs from its receipt; under a profile whose clock starts
    /// at the first written complaint, the answer clock starts at <paramref name="writtenConfirmationSentAt"/> (ACPR counts
    /// from the sending of the first written complaint) and, until it comes, provisionally at the oral receipt.</param>
    /// <param name="writtenConfirmationSentAt">The sending date of an oral complaint's written confirmation, once recorded.</param>
    public static ComplaintDeadlines Compute(DeadlineProfile profile, DateOnly receivedAt, DateOnly? sentAt, bool isOral = false,
        DateOnly? writtenConfirmationSentAt = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (sentAt > receivedAt)
        {
            throw new ArgumentException(
                $"The sending date ({sentAt:yyyy-MM-dd}) cannot be after the receipt date ({receivedAt:yyyy-MM-dd}).",
                nameof(sentAt));
        }

        if (profile.AcknowledgementWorkingDays < 0)
        {
            throw new ArgumentException(
                $"Profile '{profile.Code}': the acknowledgement deadline cannot be negative.", nameof(profile));
        }

        var calendar = new WorkingDayCalendar(profile.CalendarKind, profile.HolidayRegion);
        var clockStart = profile.ClockStart switch
        {
            ClockStart.FirstWrittenComplaintSent when isOral => writtenConfirmationSentAt ?? receivedAt,
            ClockStart.FirstWrittenComplaintSent => sentAt ?? receivedAt,
            ClockStart.Receipt => receivedAt,
            _ => throw new ArgumentException(
                $"Profile '{profile.Code}': unknown clock start '{profile.ClockStart}'.", nameof(profile)),
        };
        var acknowledgementStart = isOral ? receivedAt : clockStart;
        var acknowledgementDue = calendar.AddWorkingDays(acknowledgementStart, profile.AcknowledgementWorkingDays);
        var responseDue = profile.ResponsePeriod.AddTo(clockStart, calendar);
        var secondLevelDue = profile.SecondLevelPeriod?.AddTo(clockStart, calendar) ?? responseDue;

        return new ComplaintDeadlines(
            ClockStart: clockStart,
            AcknowledgementDueDate: acknowledgementDue,
            ResponseDueDate: responseDue,
            ExternalRecourseFrom: profile.ExternalRecourseFrom.AddTo(clockStart, calendar),
            ExternalRecourseUntil: profile.ExternalRecourseUntil.AddTo(clockStart, calendar),
            SecondLevelDueDate: secondLevelDue)
        {
            AcknowledgementReminderDate = calendar.AddWorkingDays(acknowledgementStart,
                Math.Max(0, profile.AcknowledgementWorkingDays - profile.AcknowledgementReminderWorkingDays)),
            ResponseReminderDate = Later(clockStart, responseDue.AddDays(-profile.ResponseReminderDays)),
            SecondLevelReminderDate = Later(clockStart, secondLevelDue.AddDays(-profile.SecondLevelReminderDays)),
        };
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>
    /// The date from which the external body can be seized once a delay letter announces the answer for
    /// <paramref name="expectedAnswer"/>: when the profile says so (LU-CAA), postponed by as many days as the answer moves
    /// past the date it was expected on so far (the response due date, or the previous delay letter's date); never earlier.
    /// </summary>
    public static DateOnly ExternalRecourseFromAfterDelay(DeadlineProfile profile, DateOnly externalRecourseFrom,
        DateOnly previouslyExpected, DateOnly expectedAnswer)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var postponedBy = expectedAnswer.DayNumber - previouslyExpected.DayNumber;
        return profile.DelayExtendsExternalRecourse && postponedBy > 0 ? externalRecourseFrom.AddDays(postponedBy) : externalRecourseFrom;
    }

    /// <summary>
    /// The instant a deadline falling on <paramref name="date"/> expires: the start of the next day in
    /// <paramref name="timeZoneId"/> (the first instant of that day when a DST transition skips or
    /// repeats midnight).
    /// </summary>
    public static DateTimeOffset EndOfDay(DateOnly date, string timeZoneId)
    {
        var zone = ZonedTime.FindZone(timeZoneId, nameof(timeZoneId));
        return EndOfDay(date, zone);
    }

    internal static DateTimeOffset EndOfDay(DateOnly date, TimeZoneInfo zone) => ZonedTime.EndOfDay(date, zone);
}
