using System.Text.Json;
using Reclamations.Domain.Calendars;
using Reclamations.Domain.Deadlines;

namespace Reclamations.Domain.Tests.Deadlines;

public sealed class DeadlineProfilesTests
{
    [Fact]
    public void FrAcpr_counts_two_months_from_the_sending_of_the_first_written_complaint()
    {
        var profile = DeadlineProfiles.FrAcpr;

        profile.Code.Should().Be("FR-ACPR");
        profile.Jurisdiction.Should().Be("FR");
        profile.CalendarKind.Should().Be(CalendarKind.JoursOuvrables);
        profile.HolidayRegion.Should().Be(HolidayRegion.France);
        profile.TimeZoneId.Should().Be("Europe/Paris");
        profile.ClockStart.Should().Be(ClockStart.FirstWrittenComplaintSent);
        profile.AcknowledgementWorkingDays.Should().Be(10);
        profile.ResponsePeriod.Should().Be(DeadlinePeriod.OfMonths(2));
        profile.ExternalRecourseFrom.Should().Be(DeadlinePeriod.OfMonths(2));
        profile.ExternalRecourseUntil.Should().Be(DeadlinePeriod.OfMonths(12));
        profile.SecondLevelPeriod.Should().BeNull();
        profile.RecourseBodyName.Should().Be("La Médiation de l'Assurance");
        profile.DelayExtendsExternalRecourse.Should().BeFalse();
    }

    [Fact]
    public void LuCaa_counts_thirty_days_from_receipt()
    {
        var profile = DeadlineProfiles.LuCaa;

        profile.Code.Should().Be("LU-CAA");
        profile.Jurisdiction.Should().Be("LU");
        profile.CalendarKind.Should().Be(CalendarKind.JoursOuvrables);
        profile.HolidayRegion.Should().Be(HolidayRegion.Luxembourg);
        profile.TimeZoneId.Should().Be("Europe/Paris");
        profile.ClockStart.Should().Be(ClockStart.Receipt);
        profile.AcknowledgementWorkingDays.Should().Be(10);
        profile.ResponsePeriod.Should().Be(DeadlinePeriod.OfDays(30));
        profile.ExternalRecourseFrom.Should().Be(DeadlinePeriod.OfDays(90));
        profile.ExternalRecourseUntil.Should().Be(DeadlinePeriod.OfMonths(12));
        profile.SecondLevelPeriod.Should().Be(DeadlinePeriod.OfDays(90));
        profile.RecourseBodyName.Should().Be("Commissariat aux Assurances (CAA)");
        profile.DelayExtendsExternalRecourse.Should().BeTrue();
    }

    [Fact]
    public void Defaults_are_indexed_by_code()
    {
        var byCode = DeadlineProfiles.ByCode(DeadlineProfiles.Defaults);

        byCode.Keys.Should().BeEquivalentTo("FR-ACPR", "LU-CAA");
        byCode["LU-CAA"].Should().BeSameAs(DeadlineProfiles.LuCaa);
    }

    [Fact]
    public void ByCode_rejects_duplicate_codes()
    {
        var act = () => DeadlineProfiles.ByCode([DeadlineProfiles.FrAcpr, DeadlineProfiles.LuCaa with { Code = "FR-ACPR" }]);

        act.Should().Throw<ArgumentException>().WithMessage("*FR-ACPR*");
    }

    [Theory]
    [InlineData("FR-ACPR")]
    [InlineData("LU-CAA")]
    public void Profiles_round_trip_through_System_Text_Json(string code)
    {
        var profile = DeadlineProfiles.ByCode(DeadlineProfiles.Defaults)[code];

        var json = JsonSerializer.Serialize(profile);
        var copy = JsonSerializer.Deserialize<DeadlineProfile>(json);

        copy.Should().Be(profile);
        json.Should().Contain("\"CalendarKind\":\"JoursOuvrables\"");
    }

    [Fact]
    public void Json_without_time_zone_or_acknowledgement_gets_the_defaults()
    {
        const string json = """
            {
              "Code": "FR-30J", "Name": "Objectif interne 30 jours", "Jurisdiction": "FR",
              "CalendarKind": "JoursOuvres", "HolidayRegion": "FranceAlsaceMoselle", "ClockStart": "Receipt",
              "ResponsePeriod": { "Count": 30, "Unit": "Days" },
              "ExternalRecourseFrom": { "Count": 2, "Unit": "Months" },
              "ExternalRecourseUntil": { "Count": 12, "Unit": "Months" },
              "RecourseBodyName": "La Médiation de l'Assurance"
            }
            """;

        var profile = JsonSerializer.Deserialize<DeadlineProfile>(json)!;

        profile.TimeZoneId.Should().Be("Europe/Paris");
        profile.AcknowledgementWorkingDays.Should().Be(10);
        profile.SecondLevelPeriod.Should().BeNull();
        profile.CalendarKind.Should().Be(CalendarKind.JoursOuvres);
        profile.ResponsePeriod.Should().Be(DeadlinePeriod.OfDays(30));
    }

    [Fact]
    public void Json_missing_a_required_member_is_rejected()
    {
        const string json = """{ "Code": "X", "Name": "X", "Jurisdiction": "FR" }""";

        var act = () => JsonSerializer.Deserialize<DeadlineProfile>(json);

        act.Should().Throw<JsonException>();
    }
}
