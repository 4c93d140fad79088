using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Register;

public sealed class ComplaintDeadlinesTests
{
    [Fact]
    public async Task FR_ACPR_counts_from_the_sending_date_and_stores_every_deadline()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);

        var complaint = await register.RegisterAsync(Complaints.Valid() with { SentAt = new DateOnly(2026, 2, 27) }, "sophie");

        var stored = (await register.GetAsync(complaint.Id)).Complaint;
        stored.ProfileCode.Should().Be("FR-ACPR");
        stored.Status.Should().Be(ComplaintStatus.Registered);
        stored.Level.Should().Be(ComplaintLevel.First);
        stored.ClockStart.Should().Be(new DateOnly(2026, 2, 27));
        stored.AcknowledgementDueDate.Should().Be(new DateOnly(2026, 3, 11)); // 10 jours ouvrables, Sundays excluded
        stored.ResponseDueDate.Should().Be(new DateOnly(2026, 4, 27));
        stored.ExternalRecourseFrom.Should().Be(new DateOnly(2026, 4, 27));
        stored.ExternalRecourseUntil.Should().Be(new DateOnly(2027, 2, 27));
        stored.SecondLevelDueDate.Should().Be(new DateOnly(2026, 4, 27), "ACPR: one clock for every internal level");
        stored.ProfileVersion.Should().Be(1);
        stored.AcknowledgementReminderDate.Should().Be(new DateOnly(2026, 3, 9));
        stored.ResponseReminderDate.Should().Be(new DateOnly(2026, 4, 17));
    }

    [Fact]
    public async Task FR_ACPR_without_a_sending_date_counts_from_the_receipt_date()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);

        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");

        complaint.ClockStart.Should().Be(new DateOnly(2026, 3, 2));
        complaint.ResponseDueDate.Should().Be(new DateOnly(2026, 5, 2));
    }

    [Fact]
    public async Task LU_CAA_counts_from_receipt_with_Luxembourg_holidays_and_a_second_level_deadline()
    {
        await using var database = await DomainDatabase.CreateAsync(new DateTimeOffset(2026, 6, 22, 9, 0, 0, TimeSpan.FromHours(2)));
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var input = Complaints.Valid(new DateTimeOffset(2026, 6, 19, 9, 0, 0, TimeSpan.FromHours(2)), profile: "LU-CAA")
            with { SentAt = new DateOnly(2026, 6, 15) };

        var complaint = await register.RegisterAsync(input, "sophie");

        var stored = (await register.GetAsync(complaint.Id)).Complaint;
        stored.ClockStart.Should().Be(new DateOnly(2026, 6, 19));
        stored.AcknowledgementDueDate.Should().Be(new DateOnly(2026, 7, 2)); // 23 June (Fête nationale) skipped
        stored.ResponseDueDate.Should().Be(new DateOnly(2026, 7, 19));
        stored.ExternalRecourseFrom.Should().Be(new DateOnly(2026, 9, 17));
        stored.ExternalRecourseUntil.Should().Be(new DateOnly(2027, 6, 19));
        stored.SecondLevelDueDate.Should().Be(new DateOnly(2026, 9, 17));
        stored.SentAt.Should().Be(new DateOnly(2026, 6, 15));
    }

    [Fact]
    public async Task The_receipt_date_is_read_in_the_profile_time_zone()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);

        // 23:30 UTC on 2 March is already 3 March in Luxembourg.
        var complaint = await register.RegisterAsync(
            Complaints.Valid(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero), profile: "LU-CAA"), "sophie");

        complaint.ClockStart.Should().Be(new DateOnly(2026, 3, 3));
        complaint.ResponseDueDate.Should().Be(new DateOnly(2026, 4, 2));
        complaint.ReceivedAt.Should().Be(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero));
    }
}
