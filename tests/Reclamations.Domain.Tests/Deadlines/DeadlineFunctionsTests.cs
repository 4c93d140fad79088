using Reclamations.Domain.Deadlines;
using static Reclamations.Domain.Tests.TestDates;

namespace Reclamations.Domain.Tests.Deadlines;

public sealed class DeadlineFunctionsTests
{
    private static readonly DeadlineProfile UtcProfile = DeadlineProfiles.FrAcpr with { Code = "UTC-TEST", TimeZoneId = "UTC" };

    private readonly DeadlineFunctions _functions =
        new(DeadlineProfiles.ByCode([.. DeadlineProfiles.Defaults, UtcProfile]));

    [Theory]
    [InlineData("2026-04-28T09:30:00+02:00", 10, "FR-ACPR", "2026-05-12T09:30:00+02:00")]
    [InlineData("2026-12-20T18:00:00+01:00", 10, "LU-CAA", "2027-01-04T18:00:00+01:00")]
    [InlineData("2026-04-27T22:30:00+00:00", 10, "FR-ACPR", "2026-05-12T00:30:00+02:00")] // already 28 April in Paris
    [InlineData("2026-04-27T22:30:00+00:00", 10, "UTC-TEST", "2026-05-11T22:30:00+00:00")] // still 27 April in UTC
    [InlineData("2026-03-27T10:00:00+01:00", 1, "FR-ACPR", "2026-03-28T10:00:00+01:00")]
    [InlineData("2026-03-27T10:00:00+01:00", 2, "FR-ACPR", "2026-03-30T10:00:00+02:00")] // across the spring switch
    [InlineData("2026-05-07T08:00:00+02:00", 0, "LU-CAA", "2026-05-07T08:00:00+02:00")]
    public void AddWorkingDays_keeps_the_local_time_of_day(string date, int count, string profileCode, string expected) =>
        _functions.AddWorkingDays(T(date), count, profileCode).Should().BeExactly(T(expected));

    [Theory]
    [InlineData("2026-01-31T10:00:00+01:00", 1, "2026-02-28T10:00:00+01:00")]
    [InlineData("2026-02-15T10:00:00+01:00", 2, "2026-04-15T10:00:00+02:00")] // across the spring switch
    [InlineData("2026-12-31T08:00:00+01:00", 2, "2027-02-28T08:00:00+01:00")]
    [InlineData("2027-12-31T08:00:00+01:00", 2, "2028-02-29T08:00:00+01:00")]
    [InlineData("2026-04-28T00:00:00+02:00", 2, "2026-06-28T00:00:00+02:00")]
    public void AddMonths_clamps_and_keeps_the_local_time_of_day(string date, int months, string expected) =>
        _functions.AddMonths(T(date), months).Should().BeExactly(T(expected));

    [Theory]
    [InlineData("2026-12-20T12:00:00+01:00", 30, "2027-01-19T12:00:00+01:00")]
    [InlineData("2026-03-28T10:00:00+01:00", 1, "2026-03-29T10:00:00+02:00")]
    [InlineData("2026-03-28T02:30:00+01:00", 1, "2026-03-29T03:30:00+02:00")] // 02:30 does not exist: moved past the gap
    [InlineData("2026-10-24T02:30:00+02:00", 1, "2026-10-25T02:30:00+02:00")] // 02:30 happens twice: the first
    [InlineData("2026-10-26T09:00:00+01:00", -1, "2026-10-25T09:00:00+01:00")]
    public void AddDays_keeps_the_local_time_of_day(string date, int days, string expected) =>
        _functions.AddDays(T(date), days).Should().BeExactly(T(expected));

    [Theory]
    [InlineData("2026-06-28T15:00:00+02:00", "FR-ACPR", "2026-06-29T00:00:00+02:00")]
    [InlineData("2026-06-28T23:30:00+00:00", "FR-ACPR", "2026-06-30T00:00:00+02:00")] // already 29 June in Paris
    [InlineData("2026-06-28T23:30:00+00:00", "UTC-TEST", "2026-06-29T00:00:00+00:00")]
    [InlineData("2026-03-29T12:00:00+02:00", "LU-CAA", "2026-03-30T00:00:00+02:00")]
    [InlineData("2026-10-25T12:00:00+01:00", "LU-CAA", "2026-10-26T00:00:00+01:00")]
    public void DeadlineEnd_is_the_start_of_the_next_local_day(string date, string profileCode, string expected) =>
        _functions.DeadlineEnd(T(date), profileCode).Should().BeExactly(T(expected));

    [Fact]
    public void Unknown_profile_codes_are_rejected_by_name()
    {
        var date = T("2026-06-28T15:00:00+02:00");

        _functions.Invoking(f => f.AddWorkingDays(date, 1, "XX-NONE"))
            .Should().Throw<ArgumentException>().WithParameterName("profileCode").WithMessage("*XX-NONE*");
        _functions.Invoking(f => f.DeadlineEnd(date, "XX-NONE"))
            .Should().Throw<ArgumentException>().WithParameterName("profileCode").WithMessage("*XX-NONE*");
    }

    [Fact]
    public void A_profile_with_an_unknown_time_zone_is_rejected()
    {
        var functions = new DeadlineFunctions(DeadlineProfiles.ByCode([UtcProfile with { TimeZoneId = "Nowhere/Land" }]));

        functions.Invoking(f => f.DeadlineEnd(T("2026-06-28T15:00:00+02:00"), "UTC-TEST"))
            .Should().Throw<ArgumentException>().WithMessage("*Nowhere/Land*");
    }

    [Fact]
    public void An_unknown_default_time_zone_is_rejected()
    {
        var act = () => new DeadlineFunctions(DeadlineProfiles.ByCode(DeadlineProfiles.Defaults), "Nowhere/Land");

        act.Should().Throw<ArgumentException>().WithParameterName("defaultTimeZoneId");
    }

    [Fact]
    public void Methods_bind_as_delegates_for_expression_registration()
    {
        Func<DateTimeOffset, int, string, DateTimeOffset> addWorkingDays = _functions.AddWorkingDays;
        Func<DateTimeOffset, int, DateTimeOffset> addMonths = _functions.AddMonths;
        Func<DateTimeOffset, int, DateTimeOffset> addDays = _functions.AddDays;
        Func<DateTimeOffset, string, DateTimeOffset> deadlineEnd = _functions.DeadlineEnd;
        var received = T("2026-04-28T09:30:00+02:00");

        deadlineEnd(addMonths(received, 2), "FR-ACPR").Should().BeExactly(T("2026-06-29T00:00:00+02:00"));
        deadlineEnd(addWorkingDays(received, 10, "FR-ACPR"), "FR-ACPR").Should().BeExactly(T("2026-05-13T00:00:00+02:00"));
        deadlineEnd(addDays(received, 30), "LU-CAA").Should().BeExactly(T("2026-05-29T00:00:00+02:00"));
    }
}
