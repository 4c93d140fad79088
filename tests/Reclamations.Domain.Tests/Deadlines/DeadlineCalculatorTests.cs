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
    [InlineData("FR-ACPR", "2026-04-30", "2026-04-28", "2026-04-28", "2026-05-12", "2026-06-28", "2026-06-28", "2027-04-28", "2026-06-28")]
    // FR: sending date unknown, clock at receipt; Ascension (Thu 14 May) skipped too.
    [InlineData("FR-ACPR", "2026-04-30", null, "2026-04-30", "2026-05-15", "2026-06-30", "2026-06-30", "2027-04-30", "2026-06-30")]
    // FR: Whit Monday skipped.
    [InlineData("FR-ACPR", "2026-05-22", "2026-05-22", "2026-05-22", "2026-06-04", "2026-07-22", "2026-07-22", "2027-05-22", "2026-07-22")]
    // FR: over New Year; 29 Dec + 2 months clamps to 28 Feb 2027.
    [InlineData("FR-ACPR", "2026-12-31", "2026-12-29", "2026-12-29", "2027-01-11", "2027-02-28", "2027-02-28", "2027-12-29", "2027-02-28")]
    // FR: 31 Dec + 2 months = 29 Feb in a leap year; 1 Jan 2028 is a Saturday.
    [InlineData("FR-ACPR", "2027-12-31", null, "2027-12-31", "2028-01-13", "2028-02-29", "2028-02-29", "2028-12-31", "2028-02-29")]
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

        (deadlines.ClockStart, deadlines.AcknowledgementDueDate, deadlines.ResponseDueDate, deadlines.ExternalRecourseFrom,
                deadlines.ExternalRecourseUntil, deadlines.SecondLevelDueDate)
            .Should().Be((D(clockStart), D(acknowledgement), D(response), D(externalRecourseFrom), D(externalRecourseUntil), D(secondLevel!)));
    }

    [Fact]
    public void Reminders_come_from_the_profile_before_their_deadlines()
    {
        // FR, sent Tue 28 Apr 2026: the 8th jour ouvrable is Sat 9 May (1 and 8 May skipped); answer due 28 June.
        var deadlines = DeadlineCalculator.Compute(Profiles["FR-ACPR"], D("2026-04-30"), D("2026-04-28"));

        deadlines.AcknowledgementReminderDate.Should().Be(D("2026-05-09"), "2 jours ouvrables before the 10th");
        deadlines.ResponseReminderDate.Should().Be(D("2026-06-18"), "10 days before the answer deadline");
        deadlines.SecondLevelReminderDate.Should().Be(D("2026-06-18"));

        var later = DeadlineCalculator.Compute(Profiles["FR-ACPR"] with { AcknowledgementReminderWorkingDays = 5, ResponseReminderDays = 3 },
            D("2026-04-30"), D("2026-04-28"));
        later.AcknowledgementReminderDate.Should().Be(D("2026-05-05"));
        later.ResponseReminderDate.Should().Be(D("2026-06-25"));
    }

    [Fact]
    public void An_oral_complaint_is_acknowledged_from_the_call_and_answered_from_its_written_confirmation_in_France()
    {
        // Seeds / ACPR: the acknowledgement runs from the receipt of the oral complaint; the 2 months from the sending of the
        // first written complaint, i.e. the written confirmation once it comes (provisionally the call until then).
        var provisional = DeadlineCalculator.Compute(Profiles["FR-ACPR"], D("2026-04-30"), sentAt: null, isOral: true);
        var confirmed = DeadlineCalculator.Compute(Profiles["FR-ACPR"], D("2026-04-30"), sentAt: null, isOral: true,
            writtenConfirmationSentAt: D("2026-05-06"));

        provisional.ClockStart.Should().Be(D("2026-04-30"));
        confirmed.ClockStart.Should().Be(D("2026-05-06"));
        confirmed.AcknowledgementDueDate.Should().Be(provisional.AcknowledgementDueDate);
        confirmed.ResponseDueDate.Should().Be(D("2026-07-06"));
        // LU counts from receipt, oral or not.
        DeadlineCalculator.Compute(Profiles["LU-CAA"], D("2026-04-30"), null, isOral: true, writtenConfirmationSentAt: D("2026-05-06"))
            .ClockStart.Should().Be(D("2026-04-30"));
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
