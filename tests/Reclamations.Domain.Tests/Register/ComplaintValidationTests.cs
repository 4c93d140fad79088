using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Register;

public sealed class ComplaintValidationTests
{
    [Fact]
    public async Task An_empty_registration_names_every_required_field_and_stores_nothing()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);

        var act = () => register.RegisterAsync(new NewComplaint(), "sophie");

        var error = (await act.Should().ThrowAsync<RegisterValidationException>()).Which;
        error.Errors.Select(e => e.Field).Should().BeEquivalentTo(
            "complainant.name", "complainant.kind", "receivedAt", "channel", "subject", "profile", "category");
        error.Errors.Should().OnlyContain(e => e.Message.Length > 0);
        await AssertNothingStoredAsync(database);
    }

    public static TheoryData<string, Func<NewComplaint, NewComplaint>> OneBadField => new()
    {
        { "complainant.name", c => c with { Complainant = c.Complainant! with { Name = "  " } } },
        { "complainant.kind", c => c with { Complainant = c.Complainant! with { Kind = null } } },
        { "complainant.kind", c => c with { Complainant = c.Complainant! with { Kind = (ComplainantKind)42 } } },
        { "complainant.email", c => c with { Complainant = c.Complainant! with { Email = "claire.martin@" } } },
        { "complainant.email", c => c with { Complainant = c.Complainant! with { Email = "pas une adresse" } } },
        { "receivedAt", c => c with { ReceivedAt = null } },
        { "receivedAt", c => c with { ReceivedAt = DomainDatabase.Epoch.AddDays(1) } },
        { "sentAt", c => c with { SentAt = new DateOnly(2026, 3, 3) } },
        { "channel", c => c with { Channel = null } },
        { "subject", c => c with { Subject = "" } },
        { "profile", c => c with { Profile = "XX-NOPE" } },
        { "profile", c => c with { Profile = null } },
        { "category", c => c with { Category = "weather" } },
        { "category", c => c with { Category = null } },
        { "reviewer", c => c with { Reviewer = "paul durand" } },
        { "personsInvolved[1]", c => c with { PersonsInvolved = ["Paul Durand", " "] } },
    };

    [Theory]
    [MemberData(nameof(OneBadField))]
    public async Task One_invalid_field_is_named_and_nothing_is_stored(string field, Func<NewComplaint, NewComplaint> spoil)
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);

        var act = () => register.RegisterAsync(spoil(Complaints.Valid()), "sophie");

        var error = (await act.Should().ThrowAsync<RegisterValidationException>()).Which;
        error.Errors.Select(e => e.Field).Should().Equal(field);
        error.Message.Should().Contain(field);
        await AssertNothingStoredAsync(database);
    }

    [Fact]
    public async Task The_sending_date_may_equal_the_local_receipt_date()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);

        // 23:30 UTC on 1 March is 00:30 on 2 March in Paris.
        var complaint = await register.RegisterAsync(
            Complaints.Valid(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero)) with { SentAt = new DateOnly(2026, 3, 2) },
            "sophie");

        complaint.SentAt.Should().Be(new DateOnly(2026, 3, 2));
    }

    private static async Task AssertNothingStoredAsync(DomainDatabase database)
    {
        await using var db = database.Open();
        (await db.Complaints.CountAsync()).Should().Be(0);
        (await db.AuditEntries.CountAsync()).Should().Be(0);
        (await db.ReferenceCounters.CountAsync()).Should().Be(0);
    }
}
