using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Register;

public sealed class ComplaintReferenceTests
{
    [Fact]
    public async Task References_are_sequential_within_the_year()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);

        var references = new List<string>();
        for (var i = 0; i < 3; i++) references.Add((await register.RegisterAsync(Complaints.Valid(), "sophie")).Reference);

        references.Should().Equal("REC-2026-00001", "REC-2026-00002", "REC-2026-00003");
    }

    [Fact]
    public async Task Numbering_restarts_at_00001_on_new_year_in_the_firm_time_zone()
    {
        // 22:30 UTC on 31 December is 23:30 in Paris; an hour later it is 2027 there.
        var lateEvening = new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero);
        await using var database = await DomainDatabase.CreateAsync(lateEvening);
        var register = new ComplaintRegister(database.Factory, database.Clock);

        var last2026 = await register.RegisterAsync(Complaints.Valid(lateEvening), "sophie");
        database.Clock.Advance(TimeSpan.FromHours(1));
        var first2027 = await register.RegisterAsync(Complaints.Valid(database.Clock.GetUtcNow()), "sophie");
        var second2027 = await register.RegisterAsync(Complaints.Valid(database.Clock.GetUtcNow()), "sophie");

        last2026.Reference.Should().Be("REC-2026-00001");
        first2027.Reference.Should().Be("REC-2027-00001");
        second2027.Reference.Should().Be("REC-2027-00002");
    }

    [Fact]
    public async Task A_failed_registration_rolls_back_its_number_and_the_next_one_gets_a_fresh_number()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        await register.RegisterAsync(Complaints.Valid(), "sophie");

        database.Factory.FailNextSave = true;
        var failing = () => register.RegisterAsync(Complaints.Valid(), "sophie");
        await failing.Should().ThrowAsync<InvalidOperationException>().WithMessage("Simulated*");

        var next = await register.RegisterAsync(Complaints.Valid(), "sophie");
        next.Reference.Should().Be("REC-2026-00002");
        await using var db = database.Open();
        (await db.Complaints.Select(c => c.Reference).ToListAsync()).Should().OnlyHaveUniqueItems().And.HaveCount(2);
        (await db.ReferenceCounters.SingleAsync()).Last.Should().Be(2);
    }

    [Fact]
    public async Task A_number_once_given_is_never_given_again_even_if_its_row_is_gone()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        await register.RegisterAsync(Complaints.Valid(), "sophie");
        var second = await register.RegisterAsync(Complaints.Valid(), "sophie");

        await using (var db = database.Open())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM AuditEntries WHERE ComplaintId = {second.Id}");
            await db.Database.ExecuteSqlAsync($"DELETE FROM Complaints WHERE Id = {second.Id}");
        }

        (await register.RegisterAsync(Complaints.Valid(), "sophie")).Reference.Should().Be("REC-2026-00003");
    }

    [Fact]
    public async Task The_reference_is_unique_in_the_database()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var first = await register.RegisterAsync(Complaints.Valid(), "sophie");
        var second = await register.RegisterAsync(Complaints.Valid(), "sophie");

        await using var db = database.Open();
        var duplicate = () => db.Database.ExecuteSqlAsync($"UPDATE Complaints SET Reference = {first.Reference} WHERE Id = {second.Id}");
        await duplicate.Should().ThrowAsync<Microsoft.Data.Sqlite.SqliteException>().WithMessage("*UNIQUE*");
    }

    [Fact]
    public async Task Concurrent_registrations_on_the_same_file_get_distinct_numbers()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var registers = Enumerable.Range(0, 2)
            .Select(_ => new ComplaintRegister(database.NewFactory(), database.Clock))
            .ToList();

        var tasks = registers
            .SelectMany(register => Enumerable.Range(0, 5).Select(_ => Task.Run(() => register.RegisterAsync(Complaints.Valid(), "sophie"))))
            .ToList();
        var complaints = await Task.WhenAll(tasks);

        complaints.Select(c => c.Reference).Should().BeEquivalentTo(
            Enumerable.Range(1, 10).Select(n => $"REC-2026-{n:00000}"));
    }
}
