using Reclamations.Domain.Calendars;

namespace Reclamations.Domain.Deadlines;

/// <summary>The built-in deadline profiles, used to seed the editable profile store.</summary>
public static class DeadlineProfiles
{
    /// <summary>
    /// ACPR recommendation 2024-R-02: acknowledgement within 10 jours ouvrables and answer within
    /// 2 months of the sending of the first written complaint (one clock for every internal level);
    /// La Médiation de l'Assurance from 2 months after it, up to 1 year after it.
    /// </summary>
    public static DeadlineProfile FrAcpr { get; } = new()
    {
        Code = "FR-ACPR",
        Name = "France — recommandation ACPR 2024-R-02",
        Jurisdiction = "FR",
        CalendarKind = CalendarKind.JoursOuvrables,
        HolidayRegion = HolidayRegion.France,
        ClockStart = ClockStart.FirstWrittenComplaintSent,
        AcknowledgementWorkingDays = 10,
        ResponsePeriod = DeadlinePeriod.OfMonths(2),
        ExternalRecourseFrom = DeadlinePeriod.OfMonths(2),
        ExternalRecourseUntil = DeadlinePeriod.OfMonths(12),
        SecondLevelPeriod = null,
        RecourseBodyName = "La Médiation de l'Assurance",
    };

    /// <summary>
    /// CAA regulation 19/03 and the firm's policy: acknowledgement within 10 jours ouvrables and
    /// answer within 30 days of receipt; second level within 90 days of the complaint; the CAA
    /// when there is no satisfactory answer within 90 days, up to 1 year after the complaint; a delay
    /// letter postpones the CAA date accordingly.
    /// </summary>
    public static DeadlineProfile LuCaa { get; } = new()
    {
        Code = "LU-CAA",
        Name = "Luxembourg — règlement CAA 19/03",
        Jurisdiction = "LU",
        CalendarKind = CalendarKind.JoursOuvrables,
        HolidayRegion = HolidayRegion.Luxembourg,
        ClockStart = ClockStart.Receipt,
        AcknowledgementWorkingDays = 10,
        ResponsePeriod = DeadlinePeriod.OfDays(30),
        ExternalRecourseFrom = DeadlinePeriod.OfDays(90),
        ExternalRecourseUntil = DeadlinePeriod.OfMonths(12),
        SecondLevelPeriod = DeadlinePeriod.OfDays(90),
        RecourseBodyName = "Commissariat aux Assurances (CAA)",
        DelayExtendsExternalRecourse = true,
        SecondLevelReviewerGroup = "Direction",
        DirectionValidatesAnswers = true,
        OfficerCountersignsAnswers = true,
        DirectionInformedOnReceipt = true,
    };

    public static IReadOnlyList<DeadlineProfile> Defaults { get; } = [FrAcpr, LuCaa];

    /// <summary>Indexes profiles by <see cref="DeadlineProfile.Code"/>; duplicate codes are rejected.</summary>
    public static IReadOnlyDictionary<string, DeadlineProfile> ByCode(IEnumerable<DeadlineProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var byCode = new Dictionary<string, DeadlineProfile>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            if (!byCode.TryAdd(profile.Code, profile))
            {
                throw new ArgumentException($"Duplicate deadline profile code '{profile.Code}'.", nameof(profiles));
            }
        }

        return byCode;
    }
}
