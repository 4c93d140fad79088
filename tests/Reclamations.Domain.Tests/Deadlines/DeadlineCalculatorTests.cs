using Reclamations.Domain.Calendars;
using Reclamations.Domain.Deadlines;
using static Reclamations.Domain.Tests.TestDates;

namespace Reclamations.Domain.Tests.Deadlines;

public sealed class DeadlineCalculatorTests
{
    private static readonly IReadOnlyDictionary<string, DeadlineProfile> Profiles =
        DeadlineProfiles.ByCode(DeadlineProfiles.Defaults);

    [Theory]
    // FR: clock at the sending date. Ack: Wed 29, Thu 30, (Fri 1 May), Sat 2, Mon 4 .. Thu 7, (Fri 8 May), Sat 9, Mon 11, Tue 12.
    [InlineData("FR-ACPR", "2026-04-30", "2026-04-28", "2026-04-28", "2026-05-12", "2026-06-28", "2026-06-28", "2027-04-28", null)]
    // FR: sending date unknown, clock at receipt; Ascension (Thu 14 May) skipped too.
    [InlineData("FR-ACPR", "2026-04-30", null, "2026-04-30", "2026-05-15", "2026-06-30", "2026-06-30", "2027-04-30", null)]
    // FR: Whit Monday skipped.
    [InlineData("FR-ACPR", "2026-05-22", "2026-05-22", "2026-05-22", "2026-06-04", "2026-07-22", "2026-07-22", "2027-05-22", null)]
    // FR: over New Year; 29 Dec + 2 months clamps to 28 Feb 2027.
    [InlineData("FR-ACPR", "2026-12-31", "2026-12-29", "2026-12-29", "2027-01-11", "2027-02-28", "2027-02-28", "2027-12-29", null)]
    // FR: 31 Dec + 2 months = 29 Feb in a leap year; 1 Jan 2028 is a Saturday.
    [InlineData("FR-ACPR", "2027-12-31", null, "2027-12-31", "2028-01-13", "2028-02-29", "2028-02-29", "2028-12-31", null)]
    // LU: receipt on Sunday 20 Dec; ack skips 25, 26 Dec and 1 Jan; +30 and +90 days.
    [InlineData("LU-CAA", "2026-12-20", null, "2026-12-20", "2027-01-04", "2027-01-19", "2027-03-20", "2027-12-20", "2027-03-20")]
    // LU: the sending date does not move the clock.
    [InlineData("LU-CAA", "2026-12-20", "2026-12-15", "2026-12-20", "2027-01-04", "2027-01-19", "2027-03-20", "2027-12-20", "2027-03-20")]
    // LU: 1 May, Europe Day (Sat 9 May) and Ascension skipped; 8 May counts.
    [InlineData("LU-CAA", "2026-04-30", null, "2026-04-30", "2026-05-15", "2026-05-30", "2026-07-29", "2027-04-30", "2026-07-29")]
    // LU: national day (Tue 23 June) skipped.
    [InlineData("LU-CAA", "2026-06-20", null, "2026-06-20", "2026-07-03", "2026-07-20", "2026-09-18", "2027-06-20", "2026-09-18")]
    // LU: 30 and 90 days across 29 Feb 2028.
    [InlineData("LU-CAA", "2028-01-31", null, "2028-01-31", "2028-02-11", "2028-03-01", "2028-04-30", "2029-01-31", "2028-04-30")]
    public void Compute_returns_the_full_deadline_set(
        string profileCode,
        string receivedAt,
        string? sentAt,
        string clockStart,
        string acknowledgement,
        string response,
        string externalRecourseFrom,
        string externalRecourseUntil,
        string? secondLevel)
    {
        var deadlines = DeadlineCalculator.Compute(Profiles[profileCode], D(receivedAt), OptionalD(sentAt));

        deadlines.Should().Be(new ComplaintDeadlines(
            ClockStart: D(clockStart),
            AcknowledgementDueDate: D(acknowledgement),
            ResponseDueDate: D(response),
            ExternalRecourseFrom: D(externalRecourseFrom),
            ExternalRecourseUntil: D(externalRecourseUntil),
            SecondLevelDueDate: OptionalD(secondLevel)));
    }

    [Fact]
    public void Compute_supports_a_firm_profile_in_jours_ouvres()
    {
        var internalTarget = DeadlineProfiles.FrAcpr with
        {
            Code = "FR-INTERNE",
            CalendarKind = CalendarKind.JoursOuvres,
            HolidayRegion = HolidayRegion.FranceAlsaceMoselle,
            ResponsePeriod = DeadlinePeriod.OfWorkingDays(20),
        };

        var deadlines = DeadlineCalculator.Compute(internalTarget, D("2026-04-28"), sentAt: null);

        deadlines.AcknowledgementDueDate.Should().Be(D("2026-05-15"));
        deadlines.ResponseDueDate.Should().Be(D("2026-06-01")); // Whit Monday skipped
    }

    [Theory]
    [InlineData("FR-ACPR")]
    [InlineData("LU-CAA")]
    public void Compute_rejects_a_sending_date_after_the_receipt_date(string profileCode)
    {
        var act = () => DeadlineCalculator.Compute(Profiles[profileCode], D("2026-04-28"), D("2026-04-29"));

        act.Should().Throw<ArgumentException>().WithParameterName("sentAt");
    }

    [Fact]
    public void Compute_rejects_a_negative_period()
    {
        var profile = DeadlineProfiles.LuCaa with { ResponsePeriod = DeadlinePeriod.OfDays(-1) };

        var act = () => DeadlineCalculator.Compute(profile, D("2026-04-28"), sentAt: null);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Compute_rejects_a_negative_acknowledgement_deadline()
    {
        var profile = DeadlineProfiles.LuCaa with { AcknowledgementWorkingDays = -1 };

        var act = () => DeadlineCalculator.Compute(profile, D("2026-04-28"), sentAt: null);

        act.Should().Throw<ArgumentException>().WithParameterName("profile");
    }

    [Fact]
    public void Compute_rejects_a_null_profile()
    {
        var act = () => DeadlineCalculator.Compute(null!, D("2026-04-28"), sentAt: null);

        act.Should().Throw<ArgumentNullException>().WithParameterName("profile");
    }

    [Theory]
    // LU: answer due 19 Jan, CAA from 20 Mar; a delay letter announcing 3 Feb postpones the CAA by 15 days.
    [InlineData("LU-CAA", "2027-01-19", "2027-02-03", "2027-04-04")]
    // LU: a second letter counts from the date the first one announced (3 Feb → 10 Feb: 7 more days).
    [InlineData("LU-CAA", "2027-02-03", "2027-02-10", "2027-03-27")]
    // LU: an announced date that is not later postpones nothing.
    [InlineData("LU-CAA", "2027-01-19", "2027-01-19", "2027-03-20")]
    [InlineData("LU-CAA", "2027-01-19", "2027-01-10", "2027-03-20")]
    // FR: the mediator's date never moves (2 months after the first written complaint, whatever the answer).
    [InlineData("FR-ACPR", "2027-01-19", "2027-02-03", "2027-03-20")]
    public void A_delay_letter_postpones_external_recourse_only_where_the_profile_says_so(
        string profileCode, string previouslyExpected, string announced, string expectedRecourseFrom)
    {
        var from = DeadlineCalculator.ExternalRecourseFromAfterDelay(Profiles[profileCode], DateOnly.Parse("2027-03-20"),
            DateOnly.Parse(previouslyExpected), DateOnly.Parse(announced));

        from.Should().Be(DateOnly.Parse(expectedRecourseFrom));
    }
}
