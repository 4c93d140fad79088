using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;
using Xunit;

namespace Reclamations.Domain.Tests.Audit;

/// <summary>The tamper-evident audit trail (issue 9, "Trust and retention"): rows altered or removed directly in the SQLite
/// file make the verification fail naming the first broken row; an erased value whose digest is kept still verifies.</summary>
public sealed class AuditChainTests
{
    private static async Task<(DomainDatabase Database, ComplaintRegister Register, Complaint Complaint)> ThreeRowsAsync()
    {
        var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");
        await register.UpdateAsync(complaint.Id, "sophie", "Qualification", c => c.Status = ComplaintStatus.InProgress);
        await register.UpdateAsync(complaint.Id, "sophie", "Correction", c => c.Complainant.Email = "claire@example.org");
        return (database, register, complaint);
    }

    private static async Task<AuditVerification> VerifyAsync(DomainDatabase database)
    {
        await using var db = database.Open();
        return await AuditVerifier.VerifyAsync(db);
    }

    private static async Task SqlAsync(DomainDatabase database, string sql)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        (await command.ExecuteNonQueryAsync()).Should().BeGreaterThan(0, "the tampering must hit a row: {0}", sql);
    }

    private static async Task<AuditEntry> RowAsync(DomainDatabase database, long sequence)
    {
        await using var db = database.Open();
        return await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Sequence == sequence);
    }

    [Fact]
    public async Task Rows_are_chained_in_order_and_verify()
    {
        var (database, _, _) = await ThreeRowsAsync();
        await using var _d = database;

        var result = await VerifyAsync(database);

        result.Should().BeEquivalentTo(new AuditVerification(true, 3, 3, 0, null));
        await using var db = database.Open();
        var rows = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        rows.Select(r => r.Sequence).Should().Equal(1, 2, 3);
        rows.Should().OnlyContain(r => r.Mac!.Length == 64 && r.ValueDigests!.Contains("\"old\""));
        rows[2].ValueDigests.Should().NotContain("claire", "the MAC covers digests of the values, not the values");
    }

    [Fact]
    public async Task A_restricted_rows_reader_groups_cleared_in_the_file_break_the_mac()
    {
        var (database, register, complaint) = await ThreeRowsAsync();
        await using var _d = database;
        await using (var db = database.Open())
            await register.UpdateAsync(db, complaint.Id, "workflow", "Contentieux : issue", c => c.LitigationOutcome = "Transaction.",
                ["LegalPartner", "Direction"]);
        (await VerifyAsync(database)).Valid.Should().BeTrue("a row with reader groups is sealed and verifies");
        var row = await RowAsync(database, 4);
        row.ReaderGroups.Should().Be("LegalPartner,Direction");

        // Unhiding a litigation row by clearing its readers in the file is seen.
        await SqlAsync(database, $"UPDATE AuditEntries SET ReaderGroups = NULL WHERE Id = {row.Id}");

        var result = await VerifyAsync(database);
        result.Valid.Should().BeFalse();
        result.FirstBreak!.Id.Should().Be(row.Id);
    }

    [Fact]
    public async Task A_value_altered_in_the_file_is_named()
    {
        var (database, _, _) = await ThreeRowsAsync();
        await using var _d = database;
        var row = await RowAsync(database, 3);

        await SqlAsync(database, $"UPDATE AuditEntries SET Details = replace(Details, 'claire@example.org', 'autre@example.org') WHERE Id = {row.Id}");

        var result = await VerifyAsync(database);
        result.Valid.Should().BeFalse();
        result.FirstBreak.Should().BeEquivalentTo(new AuditChainBreak(row.Id, 3, "value 'complainant.email/new' differs from its digest"));
    }

    [Fact]
    public async Task A_digest_altered_with_its_value_breaks_the_mac()
    {
        var (database, _, _) = await ThreeRowsAsync();
        await using var _d = database;
        var row = await RowAsync(database, 2);
        var forged = row.Details.Replace("InProgress", "Closed", StringComparison.Ordinal);
        var digests = AuditDigests.Of(forged);

        await SqlAsync(database, $"UPDATE AuditEntries SET Details = '{forged}', ValueDigests = '{digests}' WHERE Id = {row.Id}");

        var result = await VerifyAsync(database);
        result.FirstBreak!.Id.Should().Be(row.Id);
        result.FirstBreak.Sequence.Should().Be(2);
        result.FirstBreak.Problem.Should().StartWith("the MAC does not match");
    }

    [Fact]
    public async Task A_row_deleted_in_the_middle_is_named_by_the_next_one()
    {
        var (database, _, _) = await ThreeRowsAsync();
        await using var _d = database;
        var next = await RowAsync(database, 3);

        await SqlAsync(database, "DELETE FROM AuditEntries WHERE Sequence = 2");

        var result = await VerifyAsync(database);
        result.FirstBreak.Should().BeEquivalentTo(new AuditChainBreak(next.Id, 3, "the row(s) with sequence 2 are missing (deleted)"));
    }

    [Fact]
    public async Task The_last_row_deleted_is_noticed_through_the_head()
    {
        var (database, _, _) = await ThreeRowsAsync();
        await using var _d = database;

        await SqlAsync(database, "DELETE FROM AuditEntries WHERE Sequence = 3");

        var result = await VerifyAsync(database);
        result.FirstBreak.Should().BeEquivalentTo(new AuditChainBreak(null, 3, "the row(s) with sequence 3 to 3 at the end of the chain are missing (deleted)"));
    }

    [Fact]
    public async Task An_erased_value_with_its_digest_kept_still_verifies()
    {
        var (database, _, complaint) = await ThreeRowsAsync();
        await using var _d = database;

        await using (var db = database.Open())
        {
            (await AuditErasure.EraseAsync(db, complaint.Id, database.Clock.GetUtcNow())).Should().Be(3);
        }

        var row = await RowAsync(database, 3);
        row.Details.Should().NotContain("claire").And.Contain("\"complainant.email\":{}");
        row.ErasedAt.Should().NotBeNull();
        (await RowAsync(database, 2)).Details.Should().Contain("InProgress", "statistics fields are kept");
        var result = await VerifyAsync(database);
        result.Valid.Should().BeTrue(result.FirstBreak?.Problem);
        result.ErasedRows.Should().Be(3);
    }

    [Fact]
    public async Task A_value_removed_from_a_row_not_erased_is_named()
    {
        var (database, _, _) = await ThreeRowsAsync();
        await using var _d = database;
        var row = await RowAsync(database, 2);

        await SqlAsync(database, $"UPDATE AuditEntries SET Details = '{{\"status\":{{}}}}' WHERE Id = {row.Id}");

        var result = await VerifyAsync(database);
        result.FirstBreak!.Id.Should().Be(row.Id);
        result.FirstBreak.Problem.Should().Be("value 'status/old' is missing but the row was not erased; value 'status/new' is missing but the row was not erased");
    }

    [Fact]
    public async Task Concurrent_writers_on_two_connections_do_not_fork_the_chain()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var first = new ComplaintRegister(database.Factory, database.Clock);
        var second = new ComplaintRegister(database.NewFactory(), database.Clock);
        var complaint = await first.RegisterAsync(Complaints.Valid(), "sophie");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => (i % 2 == 0 ? first : second)
            .AddCorrectiveActionAsync(complaint.Id, "sophie", $"Action {i}"))));

        var result = await VerifyAsync(database);
        result.Should().BeEquivalentTo(new AuditVerification(true, 21, 21, 0, null));
    }

    [Fact]
    public async Task Rows_written_before_the_chain_are_chained_at_start_up()
    {
        var (database, _, _) = await ThreeRowsAsync();
        await using var _d = database;
        await SqlAsync(database, "UPDATE AuditEntries SET Sequence = NULL, Mac = NULL, ValueDigests = NULL");
        await SqlAsync(database, "UPDATE AuditChainHead SET Sequence = 0, Mac = ''");
        (await VerifyAsync(database)).FirstBreak!.Problem.Should().Contain("not sealed");

        await Reclamations.Domain.Persistence.DomainDb.MigrateAsync(database.Factory, database.Clock);

        (await VerifyAsync(database)).Should().BeEquivalentTo(new AuditVerification(true, 3, 3, 0, null));
    }

    [Fact]
    public async Task A_context_without_the_key_refuses_to_write_an_audit_row()
    {
        await using var database = await DomainDatabase.CreateAsync();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var db = Reclamations.Domain.Persistence.DomainDb.On(connection, transaction);
        var register = new ComplaintRegister(database.Factory, database.Clock);

        var act = () => register.RegisterAsync(db, Complaints.Valid(), "sophie");

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*Audit:Key*");
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        var act = () => new AuditChain("short");
        act.Should().Throw<ArgumentException>().WithMessage("*at least 32 bytes*");
    }
}
