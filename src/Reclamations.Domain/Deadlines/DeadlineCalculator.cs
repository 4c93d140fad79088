using Reclamations.Engine.Api;
using Reclamations.Domain.Calendars;

namespace Reclamations.Domain.Deadlines;

/// <summary>Computes a complaint's deadlines from a profile and its receipt and sending dates.</summary>
public static class DeadlineCalculator
{
    /// <param name="profile">The deadline profile of the complaint.</param>
    /// <param name="receivedAt">The date the complaint was received (local date in the profile's zone).</param>
    /// <param name="sentAt">The date the first written complaint was sent (postmark, email date), when known.</param>
    public static ComplaintDeadlines Compute(DeadlineProfile profile, DateOnly receivedAt, DateOnly? sentAt)
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
            ClockStart.FirstWrittenComplaintSent => sentAt ?? receivedAt,
            ClockStart.Receipt => receivedAt,
            _ => throw new ArgumentException(
                $"Profile '{profile.Code}': unknown clock start '{profile.ClockStart}'.", nameof(profile)),
        };

        return new ComplaintDeadlines(
            ClockStart: clockStart,
            AcknowledgementDueDate: calendar.AddWorkingDays(clockStart, profile.AcknowledgementWorkingDays),
            ResponseDueDate: profile.ResponsePeriod.AddTo(clockStart, calendar),
            ExternalRecourseFrom: profile.ExternalRecourseFrom.AddTo(clockStart, calendar),
            ExternalRecourseUntil: profile.ExternalRecourseUntil.AddTo(clockStart, calendar),
            SecondLevelDueDate: profile.SecondLevelPeriod?.AddTo(clockStart, calendar));
    }

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
